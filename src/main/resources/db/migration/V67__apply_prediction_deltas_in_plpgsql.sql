-- apply_prediction_deltas was a LANGUAGE sql function: PostgreSQL plans its seven statements afresh on every call,
-- about 10 ms of every single prediction's INSERT. In PL/pgSQL each statement's plan is cached per session, and the
-- statements a delta set cannot touch (no annual rows, no quarterly rows, nothing removed) are skipped.
CREATE OR REPLACE FUNCTION apply_prediction_deltas(deltas prediction_delta[]) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    has_annual    BOOLEAN;
    has_quarterly BOOLEAN;
    has_removed   BOOLEAN;
BEGIN
    SELECT bool_or(NOT d.quarterly AND d.organization_id IS NOT NULL),
           bool_or(d.quarterly AND d.organization_id IS NOT NULL),
           bool_or(d.sign < 0)
    INTO has_annual, has_quarterly, has_removed
    FROM unnest(deltas) d;

    IF has_annual THEN
        INSERT INTO prediction_sector_risk AS t (organization_id, reporting_year, sector, risk_level, predictions)
            SELECT d.organization_id, d.reporting_year, c.sector, d.risk_level, sum(d.sign)
            FROM unnest(deltas) d JOIN companies c ON c.id = d.company_id JOIN organizations o ON o.id = d.organization_id
            WHERE NOT d.quarterly AND d.organization_id IS NOT NULL
            GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4
            ON CONFLICT (organization_id, reporting_year, sector, risk_level)
                DO UPDATE SET predictions = t.predictions + EXCLUDED.predictions;
    END IF;

    IF has_quarterly THEN
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
    END IF;

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

    IF has_removed THEN
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
    END IF;
END $$;
