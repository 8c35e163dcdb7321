package io.covenant.metric;

import io.covenant.company.Company;
import io.covenant.metric.MetricViews.BucketValue;
import io.covenant.metric.MetricViews.Point;
import io.covenant.metric.MetricViews.SectorEntry;
import io.covenant.shared.jdbc.Filters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /** The optional filter of a series and of its buckets: one period type. */
    private static final List<String> PERIOD = List.of("m.period_type = :period");

    /**
     * The latest point of each metric of a set of companies (the statements are constants, or built from their
     * parameters, so that the plan tests EXPLAIN them).
     */
    static final String LATEST = """
			SELECT DISTINCT ON (m.company_id, m.metric_type)\s""" + POINT + """
			 FROM financial_metrics m
			WHERE m.company_id = ANY(:ids)
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
        Map<String, @Nullable Object> params = range(companyId, metricType, from, to);
        params.put("period", periodType);
        return jdbc.sql(series(params))
                .params(params)
                .query(MetricRepository::point)
                .list();
    }

    List<BucketValue> buckets(
            UUID companyId, String metricType, LocalDate from, LocalDate to, Bucket bucket, String periodType) {
        Map<String, @Nullable Object> params = range(companyId, metricType, from, to);
        params.put("period", periodType);
        return jdbc.sql(buckets(bucket, params)).params(params).query(BUCKET).list();
    }

    /** One metric of one company over a period, of one period type when {@code params} has one. */
    static String series(Map<String, ?> params) {
        return "SELECT " + POINT + """
				 FROM financial_metrics m
				WHERE m.company_id = :company AND m.metric_type = :type
				  AND m.metric_date >= :from AND m.metric_date < :to%s
				ORDER BY m.metric_date""".formatted(Filters.and(params, PERIOD));
    }

    /** One metric of one company in buckets of time, of one period type when {@code params} has one. */
    static String buckets(Bucket bucket, Map<String, ?> params) {
        return "SELECT " + bucket.expression + """
				 AS bucket_start, avg(m.value) AS avg, min(m.value) AS min, max(m.value) AS max,
				       count(*) AS count, (array_agg(m.value ORDER BY m.metric_date DESC))[1] AS last
				FROM financial_metrics m
				WHERE m.company_id = :company AND m.metric_type = :type
				  AND m.metric_date >= :from AND m.metric_date < :to%s
				GROUP BY 1 ORDER BY 1""".formatted(Filters.and(params, PERIOD));
    }

    /** The latest point of each metric of these companies. */
    List<Point> latest(Collection<UUID> companyIds) {
        return jdbc.sql(LATEST)
                .param("ids", companyIds.toArray(UUID[]::new))
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

    /** The ratios of one fiscal year, or of one of its quarters when {@code fiscalQuarter} is set. */
    Map<String, Double> ratiosOf(UUID companyId, String periodType, int fiscalYear, String fiscalQuarter) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("company", companyId);
        params.put("period", periodType);
        params.put("fy", fiscalYear);
        params.put("fq", fiscalQuarter);
        return jdbc
                .sql("""
				SELECT DISTINCT ON (m.metric_type) m.metric_type, m.value FROM financial_metrics m
				WHERE m.company_id = :company AND m.metric_category = 'ratio' AND m.period_type = :period
				  AND m.fiscal_year = :fy%s
				ORDER BY m.metric_type, m.metric_date DESC""".formatted(Filters.and(params, QUARTER)))
                .params(params)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getDouble(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The optional filter of a year's ratios: one fiscal quarter. */
    private static final List<String> QUARTER = List.of("m.fiscal_quarter = :fq");

    /** The daily summary's rows as buckets of a day; they have no last value. */
    List<BucketValue> dailySummary(UUID companyId, String metricType, LocalDate from, LocalDate to) {
        return jdbc.sql("""
				SELECT day AS bucket_start, avg_value AS avg, min_value AS min, max_value AS max, data_points AS count,
				       NULL::float8 AS last
				FROM daily_metrics_summary
				WHERE company_id = :company AND metric_type = :type AND day >= :from AND day < :to ORDER BY day""")
                .params(range(companyId, metricType, from, to))
                .query(BUCKET)
                .list();
    }

    /** The parameters of one metric of one company between two dates, each included; an open end reaches any date. */
    private static Map<String, @Nullable Object> range(
            UUID companyId, String metricType, LocalDate from, LocalDate to) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("company", companyId);
        params.put("type", metricType);
        params.put("from", start(from));
        params.put("to", endExclusive(to));
        return params;
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
