package io.covenant.metric;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.metric.MetricViews.BucketValue;
import io.covenant.metric.MetricViews.Point;
import io.covenant.metric.MetricViews.SectorEntry;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.cache.CacheInvalidations;
import io.covenant.shared.cache.HotCache;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Metric time series. Reads go through the covering index {@code idx_financial_metrics_lookup} with partition
 * pruning on {@code metric_date}; writes are idempotent on (company, metric, date, period type).
 */
@Service
public class Metrics {

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

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    private final Companies companies;

    private final ApplicationEventPublisher events;

    private final HotCache<UUID, List<Point>> latest;

    Metrics(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            Companies companies,
            ApplicationEventPublisher events,
            CacheInvalidations invalidations,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.named = named;
        this.companies = companies;
        this.events = events;
        this.latest = new HotCache<>("latest_metrics", 20_000, Duration.ofMinutes(10), registry);
        invalidations.onChange("company_data", id -> {
            if (CacheInvalidations.ALL.equals(id)) {
                latest.evictAll();
            } else {
                latest.evict(UUID.fromString(id));
            }
        });
    }

    /** Writes points of a company the caller may change; returns how many were new or changed. */
    @Transactional
    public int write(Caller caller, UUID companyId, List<MetricPoint> points) {
        Company company = companies.changeableBy(caller, companyId);
        int written = upsert(companyId, points);
        events.publishEvent(Audited.updated(
                "company_metrics",
                companyId,
                null,
                Map.of(
                        "points_written",
                        written,
                        "metric_types",
                        points.stream()
                                .map(MetricPoint::metricType)
                                .distinct()
                                .sorted()
                                .toList()),
                company.organizationId()));
        return written;
    }

    /** Writes points on behalf of an import (the company is a system company the import owns). */
    @Transactional
    public int writeImported(UUID companyId, List<MetricPoint> points) {
        return upsert(companyId, points);
    }

    private int upsert(UUID companyId, List<MetricPoint> points) {
        if (points.isEmpty()) {
            return 0;
        }
        latest.evictAfterCommit(companyId);
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

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<Point> series(
            Caller caller, UUID companyId, String metricType, LocalDate from, LocalDate to, String periodType) {
        companies.get(caller, companyId);
        return jdbc.sql(SERIES)
                .param("company", companyId)
                .param("type", metricType)
                .param("from", start(from))
                .param("to", endExclusive(to))
                .param("period", periodType, Types.VARCHAR)
                .query(Metrics::point)
                .list();
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<BucketValue> buckets(
            Caller caller,
            UUID companyId,
            String metricType,
            LocalDate from,
            LocalDate to,
            Bucket bucket,
            String periodType) {
        companies.get(caller, companyId);
        return jdbc.sql(buckets(bucket))
                .param("company", companyId)
                .param("type", metricType)
                .param("from", start(from))
                .param("to", endExclusive(to))
                .param("period", periodType, Types.VARCHAR)
                .query((rs, i) -> new BucketValue(
                        rs.getObject("bucket_start", OffsetDateTime.class),
                        rs.getDouble("avg"),
                        rs.getDouble("min"),
                        rs.getDouble("max"),
                        rs.getLong("count"),
                        rs.getDouble("last")))
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

    /** The latest value of each metric (or of the given ones) for a set of companies the caller may see. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<UUID, List<Point>> latest(Caller caller, Collection<UUID> companyIds, Collection<String> metricTypes) {
        if (companyIds.size() > 500) {
            throw InvalidInput.of("company_id", "at most 500 companies at a time");
        }
        Set<UUID> visible = companies.visibleIds(caller, companyIds);
        return latestOf(visible, metricTypes);
    }

    /**
     * Latest values without an access check, for modules that already checked (the company page). Each company's
     * latest points are cached whole and filtered by type here; a change to its metrics evicts them (V75).
     */
    @Transactional(readOnly = true)
    public Map<UUID, List<Point>> latestOf(Collection<UUID> companyIds, Collection<String> metricTypes) {
        if (companyIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Point>> all = latest.getAll(companyIds, this::loadLatest);
        Map<UUID, List<Point>> result = new LinkedHashMap<>();
        for (UUID id : companyIds) {
            List<Point> points = all.getOrDefault(id, List.of());
            if (metricTypes != null && !metricTypes.isEmpty()) {
                points = points.stream()
                        .filter(p -> metricTypes.contains(p.metricType()))
                        .toList();
            }
            if (!points.isEmpty()) {
                result.put(id, points);
            }
        }
        return result;
    }

    private Map<UUID, List<Point>> loadLatest(Set<UUID> companyIds) {
        Map<UUID, List<Point>> loaded = new HashMap<>();
        companyIds.forEach(id -> loaded.put(id, List.of()));
        // Every type is cached; the filter applies to the cached points.
        jdbc
                .sql(LATEST)
                .param("ids", companyIds.toArray(UUID[]::new))
                .param("types", null, Types.ARRAY)
                .query(Metrics::point)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Point::companyId))
                .forEach((id, points) -> loaded.put(id, List.copyOf(points)));
        return loaded;
    }

    /** A metric across the visible companies of a sector within a period: each company's average and last value. */
    @Transactional(readOnly = true)
    public List<SectorEntry> sectorComparison(
            Caller caller, String sector, String metricType, LocalDate from, LocalDate to) {
        Map<UUID, Company> members =
                companies.inSector(caller, sector, 1000).stream().collect(Collectors.toMap(Company::id, c -> c));
        if (members.isEmpty()) {
            return List.of();
        }
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

    /**
     * The ratios derived from a company's imported financials for a fiscal year (annual) or quarter, newest first
     * when a period was reported twice. No access check: the caller has already been given the company.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, Double> ratiosOf(UUID companyId, String periodType, int fiscalYear, String fiscalQuarter) {
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

    /** Daily aggregates from the materialized view (refreshed every few minutes). */
    @Transactional(readOnly = true)
    public List<BucketValue> dailySummary(
            Caller caller, UUID companyId, String metricType, LocalDate from, LocalDate to) {
        companies.get(caller, companyId);
        return jdbc.sql("""
				SELECT day, avg_value, min_value, max_value, data_points FROM daily_metrics_summary
				WHERE company_id = :company AND metric_type = :type AND day >= :from AND day < :to ORDER BY day""")
                .param("company", companyId)
                .param("type", metricType)
                .param("from", start(from))
                .param("to", endExclusive(to))
                .query((rs, i) -> new BucketValue(
                        rs.getObject("day", OffsetDateTime.class),
                        rs.getDouble("avg_value"),
                        rs.getDouble("min_value"),
                        rs.getDouble("max_value"),
                        rs.getLong("data_points"),
                        null))
                .list();
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
