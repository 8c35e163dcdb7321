package io.covenant.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generators of the benchmarks' data, shared by {@code TimeSeriesBenchmark} and the load harness's data set.
 */
public final class BenchData {

    private BenchData() {}

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
