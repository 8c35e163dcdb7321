-- A super_admin's list, or the shared rows' branch, filtered by one sector (companies) or one reporting year
-- (predictions) reads the matching rows in the list's order (created_at, id) instead of walking past every newer row
-- of other sectors or years, or reading every match and sorting it. Partial on the same conditions as V41/V42.
CREATE INDEX idx_companies_sector_created_at ON companies (sector, created_at, id)
    WHERE deleted_at IS NULL AND (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);
CREATE INDEX idx_companies_system_sector_created_at ON companies (sector, created_at, id)
    WHERE access_level = 'system' AND deleted_at IS NULL;

CREATE INDEX idx_annual_predictions_year_created ON annual_predictions (reporting_year, created_at, id)
    WHERE (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);
CREATE INDEX idx_annual_predictions_system_year_created ON annual_predictions (reporting_year, created_at, id)
    WHERE access_level = 'system';

CREATE INDEX idx_quarterly_predictions_year_created ON quarterly_predictions (reporting_year, created_at, id)
    WHERE (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);
CREATE INDEX idx_quarterly_predictions_system_year_created ON quarterly_predictions (reporting_year, created_at, id)
    WHERE access_level = 'system';
