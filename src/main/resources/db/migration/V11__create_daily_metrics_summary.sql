-- Stands in for the TimescaleDB continuous aggregate; refreshed concurrently by a scheduled job.
CREATE MATERIALIZED VIEW daily_metrics_summary AS
SELECT company_id,
       metric_type,
       date_bin('1 day', metric_date, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS day,
       avg(value)                                                        AS avg_value,
       min(value)                                                        AS min_value,
       max(value)                                                        AS max_value,
       count(*)                                                          AS data_points
FROM financial_metrics
GROUP BY company_id, metric_type, day
WITH DATA;

-- REFRESH ... CONCURRENTLY needs a unique index over plain columns.
CREATE UNIQUE INDEX uq_daily_metrics_summary ON daily_metrics_summary (company_id, metric_type, day);
CREATE INDEX idx_daily_metrics_summary_day ON daily_metrics_summary (day, metric_type);
