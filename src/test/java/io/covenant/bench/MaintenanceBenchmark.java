package io.covenant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily summary kept for the changed days against the materialized view it replaced (recomputed whole), on
 * 1,000,000 metric rows; the cost of noting changes on a bulk insert; and the ops API's answer time on that data.
 * The physical limit is the full aggregation over every row, which any whole recomputation pays at least. Run with
 * {@code ./mvnw -Pbench test -Dtest=MaintenanceBenchmark}.
 */
@ApiTest
// The whole-view refresh it compares against runs past the pool's 60 s statement timeout on a busy machine.
@TestPropertySource(
        properties = "spring.datasource.hikari.data-source-properties.options="
                + "-c jit=off -c statement_timeout=0 -c random_page_cost=1.1")
class MaintenanceBenchmark {

    static final int COMPANIES = 1_000;

    static final int DAYS = 1_000;

    static final String AGGREGATE = """
			SELECT company_id, metric_type, date_bin('1 day', metric_date, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS day,
			       avg(value) AS avg_value, min(value) AS min_value, max(value) AS max_value, count(*) AS data_points
			FROM financial_metrics GROUP BY 1, 2, 3""";

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void refreshingOnlyTheChangedDaysAgainstRecomputingTheWholeView() throws Exception {
        jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, access_level, created_by)
				SELECT 'MB' || n, 'Maintenance ' || n, 'Sector ' || (n % 20), 'system', '00000000-0000-0000-0000-000000000001'
				FROM generate_series(0, :n - 1) n""").param("n", COMPANIES + 150).update();
        double insertWithNotes = seconds(() -> insert("MB", 0, COMPANIES, "2021-01-01"));
        double catchUp = seconds(() -> refresh());
        jdbc.sql("ANALYZE").update();

        // The same 100,000 rows more, with and without the trigger that notes changed days.
        double withTrigger = seconds(() -> insert("MB", COMPANIES, 50, "2021-01-01"));
        jdbc.sql("ALTER TABLE financial_metrics DISABLE TRIGGER trg_financial_metrics_summary_insert")
                .update();
        double withoutTrigger;
        try {
            withoutTrigger = seconds(() -> insert("MB", COMPANIES + 50, 50, "2021-01-01"));
        } finally {
            jdbc.sql("ALTER TABLE financial_metrics ENABLE TRIGGER trg_financial_metrics_summary_insert")
                    .update();
        }
        // The same again without the trigger that tells every node's cache which companies' metrics changed (V75).
        jdbc.sql("ALTER TABLE financial_metrics DISABLE TRIGGER trg_financial_metrics_cache_insert")
                .update();
        double withoutCacheNotice;
        try {
            withoutCacheNotice = seconds(() -> insert("MB", COMPANIES + 100, 50, "2021-01-01"));
        } finally {
            jdbc.sql("ALTER TABLE financial_metrics ENABLE TRIGGER trg_financial_metrics_cache_insert")
                    .update();
        }
        // Note by hand what the trigger did not, so that the summary can be checked whole below.
        jdbc.sql("""
				INSERT INTO daily_metrics_summary_changes (company_id, metric_type, day)
				SELECT DISTINCT f.company_id, f.metric_type, date_bin('1 day', f.metric_date, TIMESTAMPTZ '2000-01-01 00:00:00+00')
				FROM financial_metrics f JOIN companies c ON c.id = f.company_id
				WHERE c.symbol IN (SELECT 'MB' || n FROM generate_series(:from, :to - 1) n)""").param("from", COMPANIES + 50).param("to", COMPANIES + 100).update();
        refresh();

        List<Double> scans = new ArrayList<>();
        List<Double> fulls = new ArrayList<>();
        List<Double> incrementals = new ArrayList<>();
        jdbc.sql("CREATE MATERIALIZED VIEW bench_daily_summary AS " + AGGREGATE).update();
        jdbc.sql("CREATE UNIQUE INDEX ON bench_daily_summary (company_id, metric_type, day)")
                .update();
        try {
            for (int round = 0; round < 3; round++) {
                scans.add(seconds(() -> jdbc.sql("SELECT count(*) FROM (" + AGGREGATE + ") a")
                        .query(Long.class)
                        .single()));
                fulls.add(seconds(() -> jdbc.sql("REFRESH MATERIALIZED VIEW CONCURRENTLY bench_daily_summary")
                        .update()));
                int day = round;
                // A day's points of 100 companies change, as an import of a quarter's figures would.
                jdbc.sql("""
						UPDATE financial_metrics SET value = value + 1
						WHERE metric_date = TIMESTAMPTZ '2022-01-01 00:00:00+00' + :day * interval '1 day'
						  AND company_id IN (SELECT id FROM companies WHERE symbol LIKE 'MB%' ORDER BY symbol LIMIT 100)""").param("day", day).update();
                incrementals.add(seconds(() -> refresh()));
            }
        } finally {
            jdbc.sql("DROP MATERIALIZED VIEW bench_daily_summary").update();
        }
        long mismatches = jdbc.sql(
                        "SELECT count(*) FROM ((" + AGGREGATE + ") EXCEPT SELECT * FROM daily_metrics_summary) d")
                .query(Long.class)
                .single();
        assertThat(mismatches).isZero();

        Person operator = fixtures.person(Role.SUPER_ADMIN, null);
        List<Double> overview = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            overview.add(seconds(() ->
                    fixtures.as(operator).get("/api/v1/ops/database").then().statusCode(200)));
        }
        long rows = jdbc.sql("SELECT count(*) FROM financial_metrics")
                .query(Long.class)
                .single();
        double full = median(fulls);
        double incremental = median(incrementals);
        String report = """
				## Maintenance: incremental daily summary, change notes, ops API (issue 15)

				%,d metric rows. Median of 3 rounds; the machine was shared with other builds (2 cores), so absolute
				figures are noisy, the ratios measured in the same run less so.

				| what | time |
				|---|---|
				| full aggregation of every row (the physical floor of any whole recompute) | %.0f ms |
				| `REFRESH MATERIALIZED VIEW CONCURRENTLY` (the replaced 15-minute job) | %.0f ms |
				| incremental refresh after 100 changed (company, day) points | %.1f ms |
				| **whole refresh / incremental refresh** | **%.0fx** |
				| catch-up after inserting %,d rows at once (every day changed) | %.0f ms |
				| insert of 50,000 rows with the change-noting trigger / without | %.0f ms / %.0f ms (%.2fx) |
				| insert of 50,000 rows with the cache notification trigger (V75) / without | %.0f ms / %.0f ms (%.2fx) |
				| `GET /api/v1/ops/database` (every section), median of 5 | %.0f ms |
				""".formatted(
                        rows,
                        median(scans) * 1000,
                        full * 1000,
                        incremental * 1000,
                        full / incremental,
                        COMPANIES * DAYS,
                        catchUp * 1000,
                        withTrigger * 1000,
                        withoutTrigger * 1000,
                        withTrigger / withoutTrigger,
                        withTrigger * 1000,
                        withoutCacheNotice * 1000,
                        withTrigger / withoutCacheNotice,
                        median(overview) * 1000);
        Path out = Path.of("target", "benchmarks", "maintenance.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger(MaintenanceBenchmark.class)
                .warn("\n{} (insert of {} rows: {} s)", report, COMPANIES * DAYS, insertWithNotes);
    }

    /** As the refresh job runs it: one transaction, exempt from the pool's statement timeout. */
    private int refresh() {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("SET LOCAL statement_timeout = '30min'").update();
            return jdbc.sql("SELECT refresh_daily_metrics_summary()")
                    .query(Integer.class)
                    .single();
        });
    }

    private void insert(String prefix, int from, int count, String start) {
        jdbc.sql("""
				INSERT INTO financial_metrics (company_id, metric_date, metric_type, value, period_type)
				SELECT c.id, CAST(:start AS timestamptz) + d * interval '1 day', 'dau', d % 97, 'daily'
				FROM companies c CROSS JOIN generate_series(0, :days - 1) d
				WHERE c.symbol IN (SELECT :prefix || n FROM generate_series(:from, :to - 1) n)""")
                .param("start", start)
                .param("days", DAYS)
                .param("prefix", prefix)
                .param("from", from)
                .param("to", from + count)
                .update();
    }

    private static double seconds(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
