-- More keys on the covenant_cache channel (V65), for the caches of hot reads:
--   company_symbols:SYM,...          a company with this ticker was created, changed or removed (ticker lookups);
--   company_data:id,...              a company's metrics or filings changed (latest metrics, company page);
--   prediction_dashboards:o<org>,u<user>,...  a dashboard aggregate of this organisation or owner changed.
-- Each sends '*' instead of a list when too many keys changed to fit NOTIFY's 8000 byte payload.
CREATE FUNCTION notify_cache_keys(channel_key TEXT, keys TEXT[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    IF keys IS NULL OR cardinality(keys) = 0 THEN
        RETURN;
    END IF;
    PERFORM pg_notify('covenant_cache', channel_key || ':'
        || CASE WHEN cardinality(keys) > 150 THEN '*' ELSE array_to_string(keys, ',') END);
END;
$$;

CREATE FUNCTION notify_company_symbols() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    keys TEXT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT symbol) INTO keys FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT symbol) INTO keys FROM old_rows;
    ELSE
        -- A ticker lookup's answer changes with the row's symbol, level, owner or deletion, under the old symbol
        -- and the new one.
        SELECT array_agg(DISTINCT s) INTO keys FROM (
            SELECT symbol AS s FROM old_rows UNION SELECT symbol FROM new_rows) changed;
    END IF;
    PERFORM notify_cache_keys('company_symbols', keys);
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_companies_symbols_insert AFTER INSERT ON companies
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_company_symbols();
CREATE TRIGGER trg_companies_symbols_update AFTER UPDATE ON companies
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_company_symbols();
CREATE TRIGGER trg_companies_symbols_delete AFTER DELETE ON companies
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_company_symbols();

CREATE FUNCTION notify_company_data() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    keys TEXT[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT company_id::text) INTO keys FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT company_id::text) INTO keys FROM new_rows;
    END IF;
    PERFORM notify_cache_keys('company_data', keys);
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_financial_metrics_cache_insert AFTER INSERT ON financial_metrics
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_company_data();
CREATE TRIGGER trg_financial_metrics_cache_update AFTER UPDATE ON financial_metrics
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_company_data();
CREATE TRIGGER trg_financial_metrics_cache_delete AFTER DELETE ON financial_metrics
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_company_data();
CREATE TRIGGER trg_sec_filings_cache_insert AFTER INSERT ON sec_filings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_company_data();
CREATE TRIGGER trg_sec_filings_cache_update AFTER UPDATE ON sec_filings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_company_data();
CREATE TRIGGER trg_sec_filings_cache_delete AFTER DELETE ON sec_filings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_company_data();

-- On the aggregates rather than the predictions: a company changing sector moves them too (V44).
CREATE FUNCTION notify_prediction_dashboards() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    keys TEXT[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT k) INTO keys FROM (
            SELECT 'o' || organization_id AS k FROM old_rows WHERE organization_id IS NOT NULL) changed;
    ELSE
        SELECT array_agg(DISTINCT k) INTO keys FROM (
            SELECT 'o' || organization_id AS k FROM new_rows WHERE organization_id IS NOT NULL) changed;
    END IF;
    PERFORM notify_cache_keys('prediction_dashboards', keys);
    RETURN NULL;
END;
$$;

CREATE FUNCTION notify_prediction_owner_summary() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    keys TEXT[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT k) INTO keys FROM (
            SELECT 'o' || organization_id AS k FROM old_rows WHERE organization_id IS NOT NULL
            UNION SELECT 'u' || created_by FROM old_rows) changed;
    ELSE
        SELECT array_agg(DISTINCT k) INTO keys FROM (
            SELECT 'o' || organization_id AS k FROM new_rows WHERE organization_id IS NOT NULL
            UNION SELECT 'u' || created_by FROM new_rows) changed;
    END IF;
    PERFORM notify_cache_keys('prediction_dashboards', keys);
    RETURN NULL;
END;
$$;
CREATE TRIGGER trg_prediction_sector_risk_cache_insert AFTER INSERT ON prediction_sector_risk
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_prediction_dashboards();
CREATE TRIGGER trg_prediction_sector_risk_cache_update AFTER UPDATE ON prediction_sector_risk
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_prediction_dashboards();
CREATE TRIGGER trg_prediction_sector_risk_cache_delete AFTER DELETE ON prediction_sector_risk
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_prediction_dashboards();
CREATE TRIGGER trg_prediction_quarter_deviation_cache_insert AFTER INSERT ON prediction_quarter_deviation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_prediction_dashboards();
CREATE TRIGGER trg_prediction_quarter_deviation_cache_update AFTER UPDATE ON prediction_quarter_deviation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_prediction_dashboards();
CREATE TRIGGER trg_prediction_quarter_deviation_cache_delete AFTER DELETE ON prediction_quarter_deviation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_prediction_dashboards();
CREATE TRIGGER trg_prediction_owner_summary_cache_insert AFTER INSERT ON prediction_owner_summary
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_prediction_owner_summary();
CREATE TRIGGER trg_prediction_owner_summary_cache_update AFTER UPDATE ON prediction_owner_summary
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_prediction_owner_summary();
CREATE TRIGGER trg_prediction_owner_summary_cache_delete AFTER DELETE ON prediction_owner_summary
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_prediction_owner_summary();
