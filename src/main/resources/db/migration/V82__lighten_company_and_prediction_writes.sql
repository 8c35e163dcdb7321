-- Issue 20, writes: what a new company and a new prediction pay that no query needs. docs/schema.md ("Index set")
-- names each index taken out and why; WriteScaleBenchmark measures raw COPY with and without this migration.
-- Written to be applied again safely (the benchmark does, after measuring the layout before it).

-- Seed indexes no query reads. A list filtered by sector or category reads its access branch's index in the list's
-- order and applies the filter there (the super_admin's and the shared rows' sector lists have the sector-led indexes
-- of V47); sector-led lookups keep idx_company_sector_subsector.
DROP INDEX IF EXISTS idx_companies_sector_market_cap;
DROP INDEX IF EXISTS idx_company_category;

-- A CIK lookup compares a value, so only rows with a CIK need an entry; companies created by uploads have none.
DROP INDEX IF EXISTS idx_company_cik;
CREATE INDEX idx_company_cik ON companies (cik) WHERE cik IS NOT NULL;

-- AccuNode's organisation check (V18) ran a PL/pgSQL function and a lookup of the company for every prediction row
-- written: 500,000 calls for a 500,000-row upload. The same rule, checked once per statement over the rows the
-- statement wrote (its transition table), with the same error; the function keeps the document's name.
DROP TRIGGER IF EXISTS trigger_annual_prediction_org_check ON annual_predictions;
DROP TRIGGER IF EXISTS trigger_annual_prediction_org_check_update ON annual_predictions;
DROP TRIGGER IF EXISTS trigger_quarterly_prediction_org_check ON quarterly_predictions;
DROP TRIGGER IF EXISTS trigger_quarterly_prediction_org_check_update ON quarterly_predictions;

CREATE OR REPLACE FUNCTION check_prediction_organization_consistency() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- A scalar subquery, which PostgreSQL never turns into a join: one primary-key probe per row. Written as NOT
    -- EXISTS it became a hash anti-join reading every company for each statement (0.8 s per statement, 30.7 s of a
    -- 100,000-row upload in UploadBenchmark, and growing with the table).
    IF EXISTS (
        SELECT 1 FROM new_rows n
        WHERE n.organization_id IS NOT NULL
          AND NOT coalesce((SELECT c.organization_id IS NULL OR c.organization_id = n.organization_id
                            FROM companies c WHERE c.id = n.company_id), FALSE)
    ) THEN
        RAISE EXCEPTION 'Company must belong to the same organization as the prediction'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'prediction_organization_consistency';
    END IF;
    RETURN NULL;
END;
$$;

-- A trigger with a transition table has one event, hence one trigger for inserts and one for updates.
CREATE TRIGGER trigger_annual_prediction_org_check AFTER INSERT ON annual_predictions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_prediction_organization_consistency();
CREATE TRIGGER trigger_annual_prediction_org_check_update AFTER UPDATE ON annual_predictions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_prediction_organization_consistency();
CREATE TRIGGER trigger_quarterly_prediction_org_check AFTER INSERT ON quarterly_predictions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_prediction_organization_consistency();
CREATE TRIGGER trigger_quarterly_prediction_org_check_update AFTER UPDATE ON quarterly_predictions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_prediction_organization_consistency();
