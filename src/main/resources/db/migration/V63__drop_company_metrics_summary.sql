-- Nothing read it: the latest value of each metric comes from idx_financial_metrics_lookup, always current.
DROP MATERIALIZED VIEW company_metrics_summary;
