-- A company deleted for good takes its predictions with it (ON DELETE CASCADE), but the cascade's statement trigger
-- runs after the company row is gone, so apply_prediction_deltas (V44) cannot find the sector of those predictions
-- and left prediction_sector_risk one too high per prediction: for a shared (system) company, in every organisation
-- that had scored it. This row trigger takes the company's annual predictions out of the sector counts while the
-- company still exists; the cascade's own deltas then find no company and add nothing to the sector counts (the
-- other aggregates do not need the company and are kept by the cascade as before).
CREATE FUNCTION remove_deleted_company_sector_risk() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    removed BIGINT;
BEGIN
    UPDATE prediction_sector_risk t SET predictions = t.predictions - gone.predictions
    FROM (SELECT p.organization_id, p.reporting_year, p.risk_level, count(*) AS predictions
          FROM annual_predictions p WHERE p.company_id = OLD.id AND p.organization_id IS NOT NULL
          GROUP BY 1, 2, 3) gone
    WHERE t.organization_id = gone.organization_id AND t.reporting_year = gone.reporting_year
      AND t.sector = OLD.sector AND t.risk_level = gone.risk_level;
    GET DIAGNOSTICS removed = ROW_COUNT;
    IF removed > 0 THEN
        DELETE FROM prediction_sector_risk t
        USING (SELECT DISTINCT p.organization_id, p.reporting_year, p.risk_level FROM annual_predictions p
               WHERE p.company_id = OLD.id AND p.organization_id IS NOT NULL) gone
        WHERE t.predictions = 0 AND t.organization_id = gone.organization_id
          AND t.reporting_year = gone.reporting_year AND t.sector = OLD.sector AND t.risk_level = gone.risk_level;
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER trg_companies_delete_sector_risk BEFORE DELETE ON companies
    FOR EACH ROW EXECUTE FUNCTION remove_deleted_company_sector_risk();
