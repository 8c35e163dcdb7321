-- The prediction lists order by (created_at DESC, id DESC) within each branch of the access rule: system rows,
-- the caller's organisation's, the caller's personal ones, or everything for a super_admin. One index per branch,
-- ending in the keyset cursor's tiebreak (the super_admin's one partial as V41 explains); the dashboards read prediction_aggregates (V44) instead of these tables.
-- Each dropped index is named with its reason in docs/schema.md ("Index set").

DROP INDEX idx_annual_predictions_created_at;
DROP INDEX idx_annual_predictions_user_created;
DROP INDEX idx_annual_pred_performance;
CREATE INDEX idx_annual_predictions_created_at ON annual_predictions (created_at, id)
    WHERE (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);
CREATE INDEX idx_annual_predictions_system_created ON annual_predictions (created_at, id)
    WHERE access_level = 'system';
-- Also serves the organisation foreign key's ON DELETE CASCADE, as idx_annual_predictions_organization_id did.
CREATE INDEX idx_annual_pred_performance ON annual_predictions (organization_id, created_at, id)
    WHERE organization_id IS NOT NULL;
CREATE INDEX idx_annual_predictions_user_created ON annual_predictions (created_by, created_at, id)
    WHERE access_level = 'personal';

DROP INDEX idx_annual_predictions_company_id;
DROP INDEX idx_annual_predictions_reporting_year;
DROP INDEX idx_annual_predictions_risk_level;
DROP INDEX idx_annual_predictions_organization_id;
DROP INDEX idx_annual_predictions_created_by;
DROP INDEX idx_annual_predictions_access_level;
DROP INDEX idx_annual_predictions_probability;
DROP INDEX idx_annual_predictions_predicted_at;
DROP INDEX idx_annual_predictions_company_year;
DROP INDEX idx_annual_predictions_org_year;
DROP INDEX idx_predictions_date_range;
DROP INDEX idx_predictions_probability_range;

DROP INDEX idx_quarterly_predictions_created_at;
DROP INDEX idx_quarterly_pred_performance;
CREATE INDEX idx_quarterly_predictions_created_at ON quarterly_predictions (created_at, id)
    WHERE (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);
CREATE INDEX idx_quarterly_predictions_system_created ON quarterly_predictions (created_at, id)
    WHERE access_level = 'system';
CREATE INDEX idx_quarterly_pred_performance ON quarterly_predictions (organization_id, created_at, id)
    WHERE organization_id IS NOT NULL;
CREATE INDEX idx_quarterly_predictions_user_created ON quarterly_predictions (created_by, created_at, id)
    WHERE access_level = 'personal';

DROP INDEX idx_quarterly_predictions_company_id;
DROP INDEX idx_quarterly_predictions_reporting_year;
DROP INDEX idx_quarterly_predictions_reporting_quarter;
DROP INDEX idx_quarterly_predictions_risk_level;
DROP INDEX idx_quarterly_predictions_organization_id;
DROP INDEX idx_quarterly_predictions_created_by;
DROP INDEX idx_quarterly_predictions_access_level;
DROP INDEX idx_quarterly_predictions_ensemble_probability;
DROP INDEX idx_quarterly_predictions_company_year_qtr;
DROP INDEX idx_quarterly_predictions_org_year_qtr;
