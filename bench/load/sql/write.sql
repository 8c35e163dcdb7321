-- POST /api/v1/companies/{id}/metrics (one point) on one of the load organisation's companies: the change check, the
-- upsert and the audit entry in one transaction.
\set w random(0, 9999)
\set day random(0, 364)
\set lc :w / 2 * 10 + 6 + :w % 2
BEGIN;
SELECT c.id, c.organization_id FROM companies c WHERE c.symbol = 'LC' || :lc AND c.organization_id = :org AND c.deleted_at IS NULL;
INSERT INTO financial_metrics (company_id, metric_type, metric_date, value, unit, period_type, metric_category) SELECT c.id, 'employees', TIMESTAMPTZ '2024-01-01 00:00:00+00' + :day * interval '1 day', :w, 'count', 'daily', 'operational' FROM companies c WHERE c.symbol = 'LC' || :lc AND c.organization_id = :org ON CONFLICT (company_id, metric_type, metric_date, period_type) DO UPDATE SET value = EXCLUDED.value + 1;
INSERT INTO audit_logs (event_type, entity_type, user_id, organization_id, action, new_values, request_id) VALUES ('company_metrics', 'company_metrics', :user, :org, 'UPDATE', '{"points_written": 1}', 'pgbench');
COMMIT;
