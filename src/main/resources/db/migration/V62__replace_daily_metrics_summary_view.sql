-- The daily summary becomes a table kept current for the days that changed, instead of a materialized view
-- recomputed whole: a statement trigger on financial_metrics notes each changed (company, metric, day), and the
-- refresh job recomputes only those.
CREATE TABLE daily_metrics_summary_changes (
    company_id  UUID        NOT NULL,
    metric_type VARCHAR(50) NOT NULL,
    day         TIMESTAMPTZ NOT NULL,
    noted_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION note_daily_metrics_summary_changes() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO daily_metrics_summary_changes (company_id, metric_type, day)
        SELECT DISTINCT company_id, metric_type, date_bin('1 day', metric_date, TIMESTAMPTZ '2000-01-01 00:00:00+00')
        FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO daily_metrics_summary_changes (company_id, metric_type, day)
        SELECT DISTINCT company_id, metric_type, date_bin('1 day', metric_date, TIMESTAMPTZ '2000-01-01 00:00:00+00')
        FROM old_rows;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_financial_metrics_summary_insert AFTER INSERT ON financial_metrics
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_daily_metrics_summary_changes();
CREATE TRIGGER trg_financial_metrics_summary_update AFTER UPDATE ON financial_metrics
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_daily_metrics_summary_changes();
CREATE TRIGGER trg_financial_metrics_summary_delete AFTER DELETE ON financial_metrics
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_daily_metrics_summary_changes();

DROP MATERIALIZED VIEW daily_metrics_summary;

CREATE TABLE daily_metrics_summary (
    company_id  UUID             NOT NULL,
    metric_type VARCHAR(50)      NOT NULL,
    day         TIMESTAMPTZ      NOT NULL,
    avg_value   DOUBLE PRECISION NOT NULL,
    min_value   DOUBLE PRECISION NOT NULL,
    max_value   DOUBLE PRECISION NOT NULL,
    data_points BIGINT           NOT NULL,
    PRIMARY KEY (company_id, metric_type, day)
);

INSERT INTO daily_metrics_summary
SELECT company_id, metric_type, date_bin('1 day', metric_date, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS day,
       avg(value), min(value), max(value), count(*)
FROM financial_metrics
GROUP BY 1, 2, 3;

CREATE INDEX idx_daily_metrics_summary_day ON daily_metrics_summary (day, metric_type);

-- Applies the noted changes: removes them and recomputes their days, in one transaction; returns the days done.
-- Changes noted by transactions that commit later stay for the next call.
CREATE FUNCTION refresh_daily_metrics_summary() RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    done INTEGER;
BEGIN
    CREATE TEMP TABLE daily_metrics_summary_todo ON COMMIT DROP AS
        WITH taken AS (DELETE FROM daily_metrics_summary_changes RETURNING company_id, metric_type, day)
        SELECT DISTINCT company_id, metric_type, day FROM taken;
    GET DIAGNOSTICS done = ROW_COUNT;
    DELETE FROM daily_metrics_summary s
    USING daily_metrics_summary_todo t
    WHERE s.company_id = t.company_id AND s.metric_type = t.metric_type AND s.day = t.day;
    INSERT INTO daily_metrics_summary
    SELECT f.company_id, f.metric_type, t.day, avg(f.value), min(f.value), max(f.value), count(*)
    FROM daily_metrics_summary_todo t
    JOIN financial_metrics f ON f.company_id = t.company_id AND f.metric_type = t.metric_type
         AND f.metric_date >= t.day AND f.metric_date < t.day + INTERVAL '1 day'
    GROUP BY f.company_id, f.metric_type, t.day;
    DROP TABLE daily_metrics_summary_todo;
    RETURN done;
END;
$$;
