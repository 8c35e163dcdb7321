-- The intelligence document's recommended dashboard view: per company and metric, the span and the latest value.
CREATE MATERIALIZED VIEW company_metrics_summary AS
SELECT DISTINCT ON (company_id, metric_type)
       company_id,
       metric_type,
       value                                                         AS latest_value,
       unit                                                          AS latest_unit,
       metric_date                                                   AS latest_date,
       count(*) OVER (PARTITION BY company_id, metric_type)          AS data_points,
       min(metric_date) OVER (PARTITION BY company_id, metric_type)  AS first_date
FROM financial_metrics
ORDER BY company_id, metric_type, metric_date DESC
WITH DATA;

CREATE UNIQUE INDEX uq_company_metrics_summary ON company_metrics_summary (company_id, metric_type);
