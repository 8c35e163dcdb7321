-- Rebuilds the dashboards' aggregates (V44) from the predictions, for a bulk load that bypassed the triggers (or to
-- check them: PredictionAggregateTests compares what the triggers keep with what this finds). The prediction tables
-- are locked against writes meanwhile, so that no trigger's delta falls between the recount and its result.
-- Returns the number of aggregate rows written.
CREATE FUNCTION recount_prediction_aggregates() RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    written BIGINT;
    total BIGINT := 0;
BEGIN
    LOCK TABLE annual_predictions, quarterly_predictions IN SHARE MODE;
    DELETE FROM prediction_sector_risk;
    DELETE FROM prediction_quarter_deviation;
    DELETE FROM prediction_owner_summary;
    INSERT INTO prediction_sector_risk (organization_id, reporting_year, sector, risk_level, predictions)
    SELECT p.organization_id, p.reporting_year, c.sector, p.risk_level, count(*)
    FROM annual_predictions p JOIN companies c ON c.id = p.company_id
    WHERE p.organization_id IS NOT NULL GROUP BY 1, 2, 3, 4;
    GET DIAGNOSTICS written = ROW_COUNT;
    total := total + written;
    INSERT INTO prediction_quarter_deviation (organization_id, reporting_year, reporting_quarter, predictions,
        logistic_deviation, gbm_deviation, confidence)
    SELECT organization_id, reporting_year, reporting_quarter, count(*),
           sum(abs(logistic_probability - ensemble_probability)), sum(abs(gbm_probability - ensemble_probability)),
           sum(confidence)
    FROM quarterly_predictions WHERE organization_id IS NOT NULL GROUP BY 1, 2, 3;
    GET DIAGNOSTICS written = ROW_COUNT;
    total := total + written;
    INSERT INTO prediction_owner_summary (access_level, organization_id, created_by, predictions, high_risk,
        probability, last_created_at)
    SELECT access_level, organization_id, created_by, count(*), count(*) FILTER (WHERE risk_level = 'High'), sum(p),
           max(created_at)
    FROM (SELECT access_level, organization_id, created_by, risk_level, probability AS p, created_at
          FROM annual_predictions
          UNION ALL
          SELECT access_level, organization_id, created_by, risk_level, ensemble_probability, created_at
          FROM quarterly_predictions) all_predictions
    GROUP BY 1, 2, 3;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN total + written;
END $$;

DO $$
BEGIN
    REVOKE EXECUTE ON FUNCTION recount_prediction_aggregates() FROM PUBLIC;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'covenant_app') THEN
        REVOKE EXECUTE ON FUNCTION recount_prediction_aggregates() FROM covenant_app;
    END IF;
END $$;
