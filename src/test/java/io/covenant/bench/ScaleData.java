package io.covenant.bench;

import io.covenant.QueryPlans;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data of {@link DataScaleBenchmark}, written set-based ({@code INSERT ... SELECT FROM generate_series}) in
 * chunks: the database generates every row itself instead of the test building and streaming each one. Per company:
 * two annual and three quarterly predictions; per system company, four filings and eight quarterly metric points.
 * Companies are 30% the first organisation's, 55% spread over the others with a long tail (organisation k gets about
 * 1/k of them), 10% system and 5% personal (two fifths of them the personal-only user's). Names are made of the plan
 * tests' syllables ({@link QueryPlans#word}), one company in a thousand named after {@link QueryPlans#SEARCHED_WORD}.
 * The aggregate triggers are switched off during the load and the aggregates recounted after it
 * ({@code recount_prediction_aggregates()}), which is what a bulk load of this size should do.
 */
final class ScaleData {

    static final int CHUNK = 100_000;

    /** The aggregate triggers of V44 on both prediction tables. */
    private static final List<String> AGGREGATE_TRIGGERS =
            List.of("annual_predictions aggregate_insert", "quarterly_predictions aggregate_insert");

    private ScaleData() {}

    /** Companies {@code from} to {@code to} (exclusive) and their rows; returns the rows written. */
    static long generate(
            JdbcClient jdbc, int from, int to, List<UUID> organizations, List<UUID> creators, UUID personalUser) {
        jdbc.sql("""
				CREATE UNLOGGED TABLE IF NOT EXISTS scale_chunk (id uuid, n int, level text, org uuid, by uuid,
				  created timestamptz)""").update();
        triggers(jdbc, false);
        long rows = 0;
        try {
            for (int chunk = from; chunk < to; chunk += CHUNK) {
                rows += chunk(jdbc, chunk, Math.min(to, chunk + CHUNK), organizations, creators, personalUser);
            }
        } finally {
            triggers(jdbc, true);
        }
        jdbc.sql("SELECT recount_prediction_aggregates()").query(Long.class).single();
        return rows;
    }

    private static void triggers(JdbcClient jdbc, boolean enabled) {
        for (String trigger : AGGREGATE_TRIGGERS) {
            String[] parts = trigger.split(" ");
            jdbc.sql("ALTER TABLE " + parts[0] + (enabled ? " ENABLE" : " DISABLE") + " TRIGGER trg_" + parts[0] + "_"
                            + parts[1])
                    .update();
        }
    }

    private static long chunk(
            JdbcClient jdbc, int from, int to, List<UUID> organizations, List<UUID> creators, UUID personalUser) {
        jdbc.sql("TRUNCATE scale_chunk").update();
        // hashint4 gives each company its own repeatable pseudo-random numbers; the long tail is exp(u * ln 999).
        jdbc.sql("""
				INSERT INTO scale_chunk (id, n, level, org, by, created)
				SELECT uuid_generate_v7(), n,
				       CASE WHEN n % 100 < 85 THEN 'organization' WHEN n % 100 < 95 THEN 'system' ELSE 'personal' END,
				       CASE WHEN n % 100 < 30 THEN orgs[1] WHEN n % 100 < 85 THEN orgs[1 + tail] END,
				       CASE WHEN n % 100 < 30 THEN creators[1] WHEN n % 100 < 85 THEN creators[1 + tail]
				            WHEN n % 100 < 95 THEN CAST(:system AS uuid) WHEN n % 100 < 97 THEN CAST(:personal AS uuid)
				            ELSE creators[2 + abs(hashint4(n + 7)) % (cardinality(creators) - 1)] END,
				       TIMESTAMPTZ '2025-01-01 00:00:00+00' + (n / 5000) * interval '1 minute'
				FROM generate_series(:from, :to - 1) n,
				     LATERAL (SELECT least(cardinality(CAST(:orgs AS uuid[])) - 2, floor(exp(
				       (abs(hashint4(n)) % 1000000) / 1e6 * ln(cardinality(CAST(:orgs AS uuid[])) - 1))))::int AS tail,
				       CAST(:orgs AS uuid[]) AS orgs, CAST(:creators AS uuid[]) AS creators) t""")
                .param("from", from)
                .param("to", to)
                .param("orgs", organizations.toArray(UUID[]::new))
                .param("creators", creators.toArray(UUID[]::new))
                .param("system", "00000000-0000-0000-0000-000000000001")
                .param("personal", personalUser.toString())
                .update();
        long rows = jdbc.sql("""
				INSERT INTO companies (id, symbol, name, sector, description, market_cap, founded_year, access_level,
				  organization_id, created_by, created_at)
				SELECT id, 'S' || upper(to_hex(n)),
				       CASE WHEN n % 1000 = 7 THEN :searched ELSE word(n, 1) END || ' ' || word(n, 2) || ' Holdings',
				       sector, 'A ' || lower(sector) || ' company making ' || lower(word(n, 3)) || ' products',
				       CASE WHEN n % 5 <> 0 THEN 1000000 + abs(hashint4(n + 3)) % 1000000000 END,
				       CASE WHEN n % 7 <> 0 THEN 1900 + abs(hashint4(n + 4)) % 120 END, level, org, by, created
				FROM scale_chunk,
				     LATERAL (SELECT (ARRAY['Technology', 'Healthcare', 'Financials', 'Energy', 'Industrials',
				       'Materials', 'Utilities', 'Real Estate', 'Consumer Staples', 'Consumer Discretionary',
				       'Communication Services'])[1 + n % 11] AS sector) s""".replace("word(n, 1)", word("n * 4 + 1"))
                        .replace("word(n, 2)", word("n * 4 + 2"))
                        .replace("word(n, 3)", word("n * 4 + 3")))
                .param("searched", QueryPlans.SEARCHED_WORD)
                .param("syllables", QueryPlans.syllables().toArray(String[]::new))
                .update();
        rows += jdbc.sql("""
				INSERT INTO annual_predictions (company_id, reporting_year, probability, risk_level, confidence,
				  predicted_at, access_level, organization_id, created_by, created_at)
				SELECT id, y::text, p, CASE WHEN p < 0.3 THEN 'Low' WHEN p < 0.7 THEN 'Medium' ELSE 'High' END, 0.8,
				       created, level, org, by, created
				FROM scale_chunk CROSS JOIN generate_series(2024, 2025) y,
				     LATERAL (SELECT (abs(hashint4(n * 8 + y)) % 10000) / 10000.0 AS p) r""").update();
        rows += jdbc.sql("""
				INSERT INTO quarterly_predictions (company_id, reporting_year, reporting_quarter, logistic_probability,
				  gbm_probability, ensemble_probability, risk_level, confidence, predicted_at, access_level,
				  organization_id, created_by, created_at)
				SELECT id, '2025', 'Q' || q, p, p / 2, p,
				       CASE WHEN p < 0.3 THEN 'Low' WHEN p < 0.7 THEN 'Medium' ELSE 'High' END, 0.7, created, level, org,
				       by, created
				FROM scale_chunk CROSS JOIN generate_series(1, 3) q,
				     LATERAL (SELECT (abs(hashint4(n * 8 + 4 + q)) % 10000) / 10000.0 AS p) r""").update();
        rows += jdbc.sql("""
				INSERT INTO sec_filings (company_id, filing_type, filing_date, accession_number, fiscal_year, is_xbrl,
				  processing_status)
				SELECT id, (ARRAY['10-K', '10-Q', '10-Q', '8-K'])[k], DATE '2021-01-01' + (n % 1500) + k * 91,
				       lpad(n::text, 10, '0') || '-25-' || lpad(k::text, 6, '0'), 2021, TRUE, 'completed'
				FROM scale_chunk CROSS JOIN generate_series(1, 4) k WHERE level = 'system'""").update();
        rows += jdbc.sql("""
				INSERT INTO financial_metrics (company_id, metric_type, metric_date, value, period_type, fiscal_year,
				  fiscal_quarter, metric_category)
				SELECT id, 'revenue', TIMESTAMPTZ '2023-01-01 00:00:00+00' + q * interval '3 months',
				       1000 + abs(hashint4(n * 8 + q)) % 100000, 'quarterly', 2023 + q / 4, 'Q' || (1 + q % 4),
				       'financial'
				FROM scale_chunk CROSS JOIN generate_series(0, 7) q WHERE level = 'system'""").update();
        return rows;
    }

    /** A made-up word of three of the syllables, capitalised, as {@link QueryPlans#word} makes them. */
    private static String word(String seed) {
        String syllable = "(CAST(:syllables AS text[]))[1 + abs(hashint4((%s) * 3 + %d)) %% "
                + QueryPlans.syllables().size() + "]";
        return "initcap(" + syllable.formatted(seed, 0) + " || " + syllable.formatted(seed, 1) + " || "
                + syllable.formatted(seed, 2) + ")";
    }
}
