-- The dashboards read aggregates kept current by the writes themselves instead of aggregating every prediction of
-- an organisation per call. Statement-level triggers fold each INSERT, UPDATE or DELETE (a 5,000-row upload batch is
-- one statement) into one delta per key; PredictionAggregateTests checks they equal a full recount.

-- risk-by-sector: an organisation's annual predictions per year, sector of their company, and risk level.
CREATE TABLE prediction_sector_risk (
    organization_id UUID         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    reporting_year  VARCHAR(4)   NOT NULL,
    sector          VARCHAR(100) NOT NULL,
    risk_level      VARCHAR(10)  NOT NULL,
    predictions     BIGINT       NOT NULL,
    PRIMARY KEY (organization_id, reporting_year, sector, risk_level)
);

-- model-deviation: sums per organisation and quarter, from which the averages follow exactly.
CREATE TABLE prediction_quarter_deviation (
    organization_id    UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    reporting_year     VARCHAR(4)  NOT NULL,
    reporting_quarter  VARCHAR(2)  NOT NULL,
    predictions        BIGINT      NOT NULL,
    logistic_deviation NUMERIC     NOT NULL,
    gbm_deviation      NUMERIC     NOT NULL,
    confidence         NUMERIC     NOT NULL,
    PRIMARY KEY (organization_id, reporting_year, reporting_quarter)
);

-- summary: annual and quarterly predictions per owner (access level, organisation, creator); a caller's summary
-- adds up the few owner rows it may see.
CREATE TABLE prediction_owner_summary (
    access_level    VARCHAR(20) NOT NULL,
    organization_id UUID REFERENCES organizations (id) ON DELETE CASCADE,
    created_by      UUID        NOT NULL,
    predictions     BIGINT      NOT NULL,
    high_risk       BIGINT      NOT NULL,
    probability     NUMERIC     NOT NULL,
    last_created_at TIMESTAMPTZ,
    CONSTRAINT uq_prediction_owner_summary UNIQUE NULLS NOT DISTINCT (access_level, organization_id, created_by)
);
CREATE INDEX idx_prediction_owner_summary_creator ON prediction_owner_summary (created_by);

-- An organisation being deleted takes its aggregates with it (ON DELETE CASCADE), so its predictions' deltas,
-- cascaded after its row is gone, are skipped rather than written back for it.

-- One changed prediction row, +1 when it arrived and -1 when it left.
CREATE TYPE prediction_delta AS (
    quarterly         BOOLEAN,
    sign              INTEGER,
    company_id        UUID,
    access_level      TEXT,
    organization_id   UUID,
    created_by        UUID,
    reporting_year    TEXT,
    reporting_quarter TEXT,
    risk_level        TEXT,
    probability       NUMERIC,
    logistic          NUMERIC,
    gbm               NUMERIC,
    confidence        NUMERIC,
    created_at        TIMESTAMPTZ
);

-- Keys are written in order so that concurrent batches lock the same aggregate rows in the same order.
CREATE FUNCTION apply_prediction_deltas(deltas prediction_delta[]) RETURNS VOID
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO prediction_sector_risk AS t (organization_id, reporting_year, sector, risk_level, predictions)
    SELECT d.organization_id, d.reporting_year, c.sector, d.risk_level, sum(d.sign)
    FROM unnest(deltas) d JOIN companies c ON c.id = d.company_id JOIN organizations o ON o.id = d.organization_id
    WHERE NOT d.quarterly AND d.organization_id IS NOT NULL
    GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (organization_id, reporting_year, sector, risk_level)
        DO UPDATE SET predictions = t.predictions + EXCLUDED.predictions;

    INSERT INTO prediction_quarter_deviation AS t (organization_id, reporting_year, reporting_quarter, predictions,
        logistic_deviation, gbm_deviation, confidence)
    SELECT d.organization_id, d.reporting_year, d.reporting_quarter, sum(d.sign),
           sum(d.sign * abs(d.logistic - d.probability)), sum(d.sign * abs(d.gbm - d.probability)),
           sum(d.sign * d.confidence)
    FROM unnest(deltas) d JOIN organizations o ON o.id = d.organization_id
    WHERE d.quarterly
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, reporting_year, reporting_quarter) DO UPDATE SET
        predictions = t.predictions + EXCLUDED.predictions,
        logistic_deviation = t.logistic_deviation + EXCLUDED.logistic_deviation,
        gbm_deviation = t.gbm_deviation + EXCLUDED.gbm_deviation,
        confidence = t.confidence + EXCLUDED.confidence;

    INSERT INTO prediction_owner_summary AS t (access_level, organization_id, created_by, predictions, high_risk,
        probability, last_created_at)
    SELECT d.access_level, d.organization_id, d.created_by, sum(d.sign),
           coalesce(sum(d.sign) FILTER (WHERE d.risk_level = 'High'), 0), sum(d.sign * d.probability),
           max(d.created_at) FILTER (WHERE d.sign > 0)
    FROM unnest(deltas) d LEFT JOIN organizations o ON o.id = d.organization_id
    WHERE d.organization_id IS NULL OR o.id IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT uq_prediction_owner_summary DO UPDATE SET
        predictions = t.predictions + EXCLUDED.predictions,
        high_risk = t.high_risk + EXCLUDED.high_risk,
        probability = t.probability + EXCLUDED.probability,
        last_created_at = greatest(t.last_created_at, EXCLUDED.last_created_at);

    -- A row that left may have been an owner's latest: look the latest up again (through the list indexes).
    UPDATE prediction_owner_summary s SET last_created_at = (SELECT max(m) FROM (
            SELECT max(a.created_at) FROM annual_predictions a
            WHERE s.access_level = 'organization' AND a.organization_id = s.organization_id AND a.created_by = s.created_by
            UNION ALL SELECT max(a.created_at) FROM annual_predictions a
            WHERE s.access_level = 'personal' AND a.access_level = 'personal' AND a.created_by = s.created_by
            UNION ALL SELECT max(a.created_at) FROM annual_predictions a
            WHERE s.access_level = 'system' AND a.access_level = 'system' AND a.created_by = s.created_by
            UNION ALL SELECT max(q.created_at) FROM quarterly_predictions q
            WHERE s.access_level = 'organization' AND q.organization_id = s.organization_id AND q.created_by = s.created_by
            UNION ALL SELECT max(q.created_at) FROM quarterly_predictions q
            WHERE s.access_level = 'personal' AND q.access_level = 'personal' AND q.created_by = s.created_by
            UNION ALL SELECT max(q.created_at) FROM quarterly_predictions q
            WHERE s.access_level = 'system' AND q.access_level = 'system' AND q.created_by = s.created_by) latest(m))
    FROM (SELECT DISTINCT d.access_level, d.organization_id, d.created_by, d.created_at FROM unnest(deltas) d
          WHERE d.sign < 0) gone
    WHERE s.access_level = gone.access_level AND s.organization_id IS NOT DISTINCT FROM gone.organization_id
      AND s.created_by = gone.created_by AND gone.created_at >= s.last_created_at;

    -- Keys with nothing left go, so that the aggregates hold exactly what a recount finds.
    DELETE FROM prediction_sector_risk t USING unnest(deltas) d
    WHERE t.predictions = 0 AND d.sign < 0 AND t.organization_id = d.organization_id
      AND t.reporting_year = d.reporting_year AND t.risk_level = d.risk_level;
    DELETE FROM prediction_quarter_deviation t USING unnest(deltas) d
    WHERE t.predictions = 0 AND d.sign < 0 AND t.organization_id = d.organization_id
      AND t.reporting_year = d.reporting_year AND t.reporting_quarter = d.reporting_quarter;
    DELETE FROM prediction_owner_summary t USING unnest(deltas) d
    WHERE t.predictions = 0 AND d.sign < 0 AND t.access_level = d.access_level
      AND t.organization_id IS NOT DISTINCT FROM d.organization_id AND t.created_by = d.created_by;
$$;

CREATE FUNCTION aggregate_annual_predictions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM apply_prediction_deltas(ARRAY(SELECT ROW(FALSE, 1, n.company_id, n.access_level, n.organization_id,
            n.created_by, n.reporting_year, NULL, n.risk_level, n.probability, NULL, NULL, n.confidence,
            n.created_at)::prediction_delta FROM new_rows n));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM apply_prediction_deltas(ARRAY(SELECT ROW(FALSE, -1, o.company_id, o.access_level, o.organization_id,
            o.created_by, o.reporting_year, NULL, o.risk_level, o.probability, NULL, NULL, o.confidence,
            o.created_at)::prediction_delta FROM old_rows o));
    ELSE
        PERFORM apply_prediction_deltas(ARRAY(
            SELECT ROW(FALSE, -1, o.company_id, o.access_level, o.organization_id, o.created_by, o.reporting_year,
                NULL, o.risk_level, o.probability, NULL, NULL, o.confidence, o.created_at)::prediction_delta
            FROM old_rows o
            UNION ALL
            SELECT ROW(FALSE, 1, n.company_id, n.access_level, n.organization_id, n.created_by, n.reporting_year,
                NULL, n.risk_level, n.probability, NULL, NULL, n.confidence, n.created_at)::prediction_delta
            FROM new_rows n));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION aggregate_quarterly_predictions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM apply_prediction_deltas(ARRAY(SELECT ROW(TRUE, 1, n.company_id, n.access_level, n.organization_id,
            n.created_by, n.reporting_year, n.reporting_quarter, n.risk_level, n.ensemble_probability,
            n.logistic_probability, n.gbm_probability, n.confidence, n.created_at)::prediction_delta FROM new_rows n));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM apply_prediction_deltas(ARRAY(SELECT ROW(TRUE, -1, o.company_id, o.access_level, o.organization_id,
            o.created_by, o.reporting_year, o.reporting_quarter, o.risk_level, o.ensemble_probability,
            o.logistic_probability, o.gbm_probability, o.confidence, o.created_at)::prediction_delta FROM old_rows o));
    ELSE
        PERFORM apply_prediction_deltas(ARRAY(
            SELECT ROW(TRUE, -1, o.company_id, o.access_level, o.organization_id, o.created_by, o.reporting_year,
                o.reporting_quarter, o.risk_level, o.ensemble_probability, o.logistic_probability, o.gbm_probability,
                o.confidence, o.created_at)::prediction_delta
            FROM old_rows o
            UNION ALL
            SELECT ROW(TRUE, 1, n.company_id, n.access_level, n.organization_id, n.created_by, n.reporting_year,
                n.reporting_quarter, n.risk_level, n.ensemble_probability, n.logistic_probability, n.gbm_probability,
                n.confidence, n.created_at)::prediction_delta
            FROM new_rows n));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER trg_annual_predictions_aggregate_insert AFTER INSERT ON annual_predictions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aggregate_annual_predictions();
CREATE TRIGGER trg_annual_predictions_aggregate_update AFTER UPDATE ON annual_predictions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION aggregate_annual_predictions();
CREATE TRIGGER trg_annual_predictions_aggregate_delete AFTER DELETE ON annual_predictions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aggregate_annual_predictions();
CREATE TRIGGER trg_quarterly_predictions_aggregate_insert AFTER INSERT ON quarterly_predictions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aggregate_quarterly_predictions();
CREATE TRIGGER trg_quarterly_predictions_aggregate_update AFTER UPDATE ON quarterly_predictions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION aggregate_quarterly_predictions();
CREATE TRIGGER trg_quarterly_predictions_aggregate_delete AFTER DELETE ON quarterly_predictions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aggregate_quarterly_predictions();

-- A company moving to another sector moves its organisations' annual predictions with it.
CREATE FUNCTION move_sector_risk() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    moved BIGINT;
BEGIN
    INSERT INTO prediction_sector_risk AS t (organization_id, reporting_year, sector, risk_level, predictions)
    SELECT p.organization_id, p.reporting_year, s.sector, p.risk_level, sum(s.sign)
    FROM (SELECT o.id, o.sector, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE n.sector IS DISTINCT FROM o.sector
          UNION ALL
          SELECT n.id, n.sector, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE n.sector IS DISTINCT FROM o.sector) s
    JOIN annual_predictions p ON p.company_id = s.id AND p.organization_id IS NOT NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (organization_id, reporting_year, sector, risk_level)
        DO UPDATE SET predictions = t.predictions + EXCLUDED.predictions;
    GET DIAGNOSTICS moved = ROW_COUNT;
    IF moved > 0 THEN
        DELETE FROM prediction_sector_risk WHERE predictions = 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER trg_companies_move_sector_risk AFTER UPDATE ON companies
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION move_sector_risk();

-- What the predictions hold today.
INSERT INTO prediction_sector_risk (organization_id, reporting_year, sector, risk_level, predictions)
SELECT p.organization_id, p.reporting_year, c.sector, p.risk_level, count(*)
FROM annual_predictions p JOIN companies c ON c.id = p.company_id
WHERE p.organization_id IS NOT NULL GROUP BY 1, 2, 3, 4;
INSERT INTO prediction_quarter_deviation
SELECT organization_id, reporting_year, reporting_quarter, count(*),
       sum(abs(logistic_probability - ensemble_probability)), sum(abs(gbm_probability - ensemble_probability)),
       sum(confidence)
FROM quarterly_predictions WHERE organization_id IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO prediction_owner_summary
SELECT access_level, organization_id, created_by, count(*), count(*) FILTER (WHERE risk_level = 'High'), sum(p),
       max(created_at)
FROM (SELECT access_level, organization_id, created_by, risk_level, probability AS p, created_at
      FROM annual_predictions
      UNION ALL
      SELECT access_level, organization_id, created_by, risk_level, ensemble_probability, created_at
      FROM quarterly_predictions) all_predictions
GROUP BY 1, 2, 3;

-- Callers read the aggregates under the same rule as the predictions; only the triggers write them.
ALTER TABLE prediction_sector_risk ENABLE ROW LEVEL SECURITY;
ALTER TABLE prediction_quarter_deviation ENABLE ROW LEVEL SECURITY;
ALTER TABLE prediction_owner_summary ENABLE ROW LEVEL SECURITY;
CREATE POLICY prediction_sector_risk_visible_to_caller ON prediction_sector_risk
    USING (organization_id = covenant_caller_org() OR covenant_caller_role() = 'super_admin');
CREATE POLICY prediction_quarter_deviation_visible_to_caller ON prediction_quarter_deviation
    USING (organization_id = covenant_caller_org() OR covenant_caller_role() = 'super_admin');
CREATE POLICY prediction_owner_summary_visible_to_caller ON prediction_owner_summary
    USING (covenant_can_see(access_level, organization_id, created_by));
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'covenant_app') THEN
        REVOKE INSERT, UPDATE, DELETE ON prediction_sector_risk, prediction_quarter_deviation,
            prediction_owner_summary FROM covenant_app;
        REVOKE EXECUTE ON FUNCTION apply_prediction_deltas(prediction_delta[]) FROM covenant_app, PUBLIC;
    END IF;
END $$;
