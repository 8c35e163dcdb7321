-- AccuNode's rule: an organisation's prediction may only be made on that organisation's company or a shared one.
CREATE FUNCTION check_prediction_organization_consistency() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.organization_id IS NOT NULL THEN
        IF NOT EXISTS (
            SELECT 1 FROM companies
            WHERE id = NEW.company_id
              AND (organization_id = NEW.organization_id OR organization_id IS NULL)
        ) THEN
            RAISE EXCEPTION 'Company must belong to the same organization as the prediction'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'prediction_organization_consistency';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trigger_annual_prediction_org_check
    BEFORE INSERT OR UPDATE ON annual_predictions
    FOR EACH ROW EXECUTE FUNCTION check_prediction_organization_consistency();

CREATE TRIGGER trigger_quarterly_prediction_org_check
    BEFORE INSERT OR UPDATE ON quarterly_predictions
    FOR EACH ROW EXECUTE FUNCTION check_prediction_organization_consistency();
