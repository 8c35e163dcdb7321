package io.covenant.metric;

import io.covenant.company.Company;
import io.covenant.metric.MetricViews.BucketValue;
import io.covenant.metric.MetricViews.Point;
import io.covenant.metric.MetricViews.SectorEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code financial_metrics} and its daily summary. Reads go through the covering index
 * {@code idx_financial_metrics_lookup} with partition pruning on {@code metric_date}; the caller's access to the
 * companies is checked by the service before.
 */
@Repository
@RequiredArgsConstructor
class MetricRepository {

    private static final String POINT = """
			m.company_id, m.metric_type, (m.metric_date AT TIME ZONE 'UTC')::date AS metric_date, m.value, m.unit,
			m.period_type, m.fiscal_year, m.fiscal_quarter""";

    /** One metric of one company over a period (the statements are constants so that the plan tests EXPLAIN them). */
    static final String SERIES = "SELECT " + POINT + """
			 FROM financial_metrics m
			WHERE m.company_id = :company AND m.metric_type = :type
			  AND m.metric_date >= :from AND m.metric_date < :to
			  AND (CAST(:period AS text) IS NULL OR m.period_type = :period)
			ORDER BY m.metric_date""";

    /** The latest point of each metric of a set of companies. */
    static final String LATEST = """
			SELECT DISTINCT ON (m.company_id, m.metric_type)\s""" + POINT + """
			 FROM financial_metrics m
			WHERE m.company_id = ANY(:ids)
			  AND (CAST(:types AS text[]) IS NULL OR m.metric_type = ANY(:types))
			ORDER BY m.company_id, m.metric_type, m.metric_date DESC, m.period_type""";

    /** A metric over a period for each of a sector's companies. */
    static final String SECTOR_COMPARISON = """
			SELECT m.company_id, avg(m.value) AS average,
			       (array_agg(m.value ORDER BY m.metric_date DESC))[1] AS last,
			       (max(m.metric_date) AT TIME ZONE 'UTC')::date AS last_date, count(*) AS points
			FROM financial_metrics m
			WHERE m.company_id = ANY(:ids) AND m.metric_type = :type
			  AND m.metric_date >= :from AND m.metric_date < :to
			GROUP BY m.company_id
			ORDER BY average DESC""";

    private static final String UPSERT = """
			INSERT INTO financial_metrics (company_id, metric_type, metric_date, value, unit, period_type, fiscal_year,
			  fiscal_quarter, metric_category, source, source_filing_id)
			VALUES (:company, :type, :date, :value, :unit, :period, :fy, :fq, :category, :source, :filing)
			ON CONFLICT (company_id, metric_type, metric_date, period_type) DO UPDATE SET value = EXCLUDED.value,
			  unit = EXCLUDED.unit, fiscal_year = EXCLUDED.fiscal_year, fiscal_quarter = EXCLUDED.fiscal_quarter,
			  metric_category = EXCLUDED.metric_category, source = EXCLUDED.source,
			  source_filing_id = EXCLUDED.source_filing_id
			WHERE financial_metrics.value IS DISTINCT FROM EXCLUDED.value
			   OR financial_metrics.source_filing_id IS DISTINCT FROM EXCLUDED.source_filing_id""";

    /** A bucket of time as {@link #buckets(Bucket)} and the daily summary name their columns. */
    private static final RowMapper<BucketValue> BUCKET = (rs, i) -> new BucketValue(
            rs.getObject("bucket_start", OffsetDateTime.class),
            rs.getDouble("avg"),
            rs.getDouble("min"),
            rs.getDouble("max"),
            rs.getLong("count"),
            rs.getObject("last", Double.class));

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    /** Inserts or updates points, idempotent on (company, metric, date, period type); returns those new or changed. */
    int upsert(UUID companyId, List<MetricPoint> points) {
        MapSqlParameterSource[] batch = points.stream()
                .map(p -> new MapSqlParameterSource()
                        .addValue("company", companyId)
                        .addValue("type", p.metricType())
                        .addValue("date", p.metricDate().atStartOfDay().atOffset(ZoneOffset.UTC))
                        .addValue("value", p.value())
                        .addValue("unit", p.unit())
                        .addValue("period", p.periodType())
                        .addValue("fy", p.fiscalYear())
                        .addValue("fq", p.fiscalQuarter())
                        .addValue("category", p.metricCategory())
                        .addValue("source", p.source())
                        .addValue("filing", p.sourceFilingId(), Types.OTHER))
                .toArray(MapSqlParameterSource[]::new);
        return Arrays.stream(named.batchUpdate(UPSERT, batch))
                .map(n -> Math.max(n, 0))
                .sum();
    }

    List<Point> series(UUID companyId, String metricType, LocalDate from, LocalDate to, String periodType) {
        return range(SERIES, companyId, metricType, from, to)
                .param("period", periodType, Types.VARCHAR)
                .query(MetricRepository::point)
                .list();
    }

    List<BucketValue> buckets(
            UUID companyId, String metricType, LocalDate from, LocalDate to, Bucket bucket, String periodType) {
        return range(buckets(bucket), companyId, metricType, from, to)
                .param("period", periodType, Types.VARCHAR)
                .query(BUCKET)
                .list();
    }

    /** One metric of one company in buckets of time. */
    static String buckets(Bucket bucket) {
        return "SELECT " + bucket.expression + """
				 AS bucket_start, avg(m.value) AS avg, min(m.value) AS min, max(m.value) AS max,
				       count(*) AS count, (array_agg(m.value ORDER BY m.metric_date DESC))[1] AS last
				FROM financial_metrics m
				WHERE m.company_id = :company AND m.metric_type = :type
				  AND m.metric_date >= :from AND m.metric_date < :to
				  AND (CAST(:period AS text) IS NULL OR m.period_type = :period)
				GROUP BY 1 ORDER BY 1""";
    }

    /** The latest point of each metric of these companies. */
    List<Point> latest(Collection<UUID> companyIds) {
        return jdbc.sql(LATEST)
                .param("ids", companyIds.toArray(UUID[]::new))
                .param("types", null, Types.ARRAY)
                .query(MetricRepository::point)
                .list();
    }

    /** Each of these companies' average and last value of a metric over a period, highest average first. */
    List<SectorEntry> sectorComparison(Map<UUID, Company> members, String metricType, LocalDate from, LocalDate to) {
        return jdbc.sql(SECTOR_COMPARISON)
                .param("ids", members.keySet().toArray(UUID[]::new))
                .param("type", metricType)
                .param("from", start(from))
                .param("to", endExclusive(to))
                .query((rs, i) -> {
                    Company c = members.get(rs.getObject("company_id", UUID.class));
                    return new SectorEntry(
                            c.id(),
                            c.symbol(),
                            c.name(),
                            rs.getDouble("average"),
                            rs.getDouble("last"),
                            rs.getObject("last_date", LocalDate.class),
                            rs.getLong("points"));
                })
                .list();
    }

    Map<String, Double> ratiosOf(UUID companyId, String periodType, int fiscalYear, String fiscalQuarter) {
        return jdbc
                .sql("""
				SELECT DISTINCT ON (m.metric_type) m.metric_type, m.value FROM financial_metrics m
				WHERE m.company_id = :company AND m.metric_category = 'ratio' AND m.period_type = :period
				  AND m.fiscal_year = :fy AND (CAST(:fq AS text) IS NULL OR m.fiscal_quarter = :fq)
				ORDER BY m.metric_type, m.metric_date DESC""")
                .param("company", companyId)
                .param("period", periodType)
                .param("fy", fiscalYear)
                .param("fq", fiscalQuarter, Types.VARCHAR)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getDouble(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The daily summary's rows as buckets of a day; they have no last value. */
    List<BucketValue> dailySummary(UUID companyId, String metricType, LocalDate from, LocalDate to) {
        return range("""
				SELECT day AS bucket_start, avg_value AS avg, min_value AS min, max_value AS max, data_points AS count,
				       NULL::float8 AS last
				FROM daily_metrics_summary
				WHERE company_id = :company AND metric_type = :type AND day >= :from AND day < :to ORDER BY day""", companyId, metricType, from, to).query(BUCKET).list();
    }

    /** A statement over one metric of one company between two dates, each included; an open end reaches any date. */
    private StatementSpec range(String sql, UUID companyId, String metricType, LocalDate from, LocalDate to) {
        return jdbc.sql(sql)
                .param("company", companyId)
                .param("type", metricType)
                .param("from", start(from))
                .param("to", endExclusive(to));
    }

    private static OffsetDateTime start(LocalDate from) {
        return (from == null ? LocalDate.of(1900, 1, 1) : from).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime endExclusive(LocalDate to) {
        return (to == null ? LocalDate.of(2999, 1, 1) : to.plusDays(1))
                .atStartOfDay()
                .atOffset(ZoneOffset.UTC);
    }

    static Point point(ResultSet rs, int row) throws SQLException {
        return new Point(
                rs.getObject("company_id", UUID.class),
                rs.getString("metric_type"),
                rs.getObject("metric_date", LocalDate.class),
                rs.getDouble("value"),
                rs.getString("unit"),
                rs.getString("period_type"),
                (Integer) rs.getObject("fiscal_year"),
                rs.getString("fiscal_quarter"));
    }
}
