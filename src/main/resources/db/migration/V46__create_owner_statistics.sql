-- The owner columns are correlated (an organisation's rows are all 'organization', a personal row's creator is its
-- only reader), which the planner, assuming independence, would multiply into estimates far too small: a branch
-- "access_level = 'personal' AND created_by = $1" of 1,000 rows was estimated at about 30, so that reading the whole
-- branch and sorting it looked cheaper than reading one page in index order. These statistics give it the truth.
CREATE STATISTICS companies_owner (dependencies, mcv) ON access_level, organization_id, created_by FROM companies;
CREATE STATISTICS annual_predictions_owner (dependencies, mcv)
    ON access_level, organization_id, created_by FROM annual_predictions;
CREATE STATISTICS quarterly_predictions_owner (dependencies, mcv)
    ON access_level, organization_id, created_by FROM quarterly_predictions;
