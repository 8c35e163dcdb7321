package io.covenant.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generators of the benchmarks' data, shared by {@code TimeSeriesBenchmark} and the load harness's data set, and what
 * the write benchmarks share.
 */
public final class BenchData {

    private static final Random RANDOM = new Random(7);

    private BenchData() {}

    /**
     * Brings {@code tables} to the state a running installation keeps them in before a timed write: vacuumed and
     * analysed, no autovacuum worker still busy with the rows an earlier run wrote, and a fresh checkpoint. Without
     * it, a run on the two-core machine shared a core with the autovacuum of the run before (100,000 fresh rows per
     * table) and, at 1 GB of WAL between checkpoints, every second or third run paid for a checkpoint it had not
     * caused: the same COPY took 11.0 to 13.7 s within one quiet run (2026-12-03 15:41).
     */
    public static void settle(JdbcClient jdbc, String... tables) {
        for (String table : tables) {
            jdbc.sql("VACUUM (ANALYZE) " + table).update();
        }
        awaitNoVacuum(jdbc, Duration.ofMinutes(5));
        jdbc.sql("CHECKPOINT").update();
    }

    /** Waits until no autovacuum worker runs and no vacuum is in progress. */
    public static void awaitNoVacuum(JdbcClient jdbc, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.sql("""
								SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker')
								     + (SELECT count(*) FROM pg_stat_progress_vacuum)""").query(Long.class).single() == 0);
    }

    /** The machine's load average over 1, 5 and 15 minutes, for a benchmark's report; "unknown" off Linux. */
    public static String loadAverage() {
        try {
            return String.join(
                    " / ",
                    Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException ex) {
            return "unknown";
        }
    }

    /**
     * A version-7 UUID as {@code uuid_generate_v7()} makes it (Unix milliseconds, then random bits): the key the
     * database gives a new row, so a raw COPY with keys made beforehand enters the primary key as the service's rows do.
     */
    public static UUID v7() {
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * {@code companies} system companies {@code BM0..} with {@code days} daily points of {@code mau} each (value = day
     * index mod 100 + company number, so buckets can be checked by hand) and 40 filings each.
     */
    public static void timeSeries(JdbcClient jdbc, int companies, int days) {
        jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, access_level, created_by)
				SELECT 'BM' || n, 'Benchmark ' || n, 'Sector ' || (n % 20), 'system', '00000000-0000-0000-0000-000000000001'
				FROM generate_series(0, :n - 1) n""").param("n", companies).update();
        jdbc.sql("""
				INSERT INTO financial_metrics (company_id, metric_date, metric_type, value, unit, period_type, metric_category)
				SELECT c.id, TIMESTAMPTZ '2023-06-01 00:00:00+00' + d * interval '1 day', 'mau',
				       (d % 100) + substr(c.symbol, 3)::int, 'users', 'daily', 'operational'
				FROM companies c CROSS JOIN generate_series(0, :days - 1) d
				WHERE c.symbol LIKE 'BM%'""").param("days", days).update();
        jdbc.sql("""
				INSERT INTO sec_filings (company_id, filing_type, filing_date, accession_number, processing_status)
				SELECT c.id, CASE WHEN k % 4 = 0 THEN '10-K' ELSE '10-Q' END, DATE '2015-01-01' + k * 91,
				       lpad(substr(c.symbol, 3), 10, '0') || '-' || lpad((k % 100)::text, 2, '0') || '-' || lpad(k::text, 6, '0'),
				       'completed'
				FROM companies c CROSS JOIN generate_series(0, 39) k WHERE c.symbol LIKE 'BM%'""").update();
        jdbc.sql("ANALYZE").update();
    }
}
