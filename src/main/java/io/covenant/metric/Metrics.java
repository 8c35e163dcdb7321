package io.covenant.metric;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.metric.MetricViews.BucketValue;
import io.covenant.metric.MetricViews.Point;
import io.covenant.metric.MetricViews.SectorEntry;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.cache.HotCache;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Metric time series. Reads go through the covering index {@code idx_financial_metrics_lookup} with partition
 * pruning on {@code metric_date}; writes are idempotent on (company, metric, date, period type).
 */
@Service
@RequiredArgsConstructor
public class Metrics {

    private final MetricRepository repository;

    private final Companies companies;

    private final ApplicationEventPublisher events;

    private final HotCache<UUID, List<Point>> latest;

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
        return repository.upsert(companyId, points);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<Point> series(
            Caller caller, UUID companyId, String metricType, LocalDate from, LocalDate to, String periodType) {
        companies.get(caller, companyId);
        return repository.series(companyId, metricType, from, to, periodType);
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
        return repository.buckets(companyId, metricType, from, to, bucket, periodType);
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
        repository.latest(companyIds).stream()
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
        return repository.sectorComparison(members, metricType, from, to);
    }

    /**
     * The ratios derived from a company's imported financials for a fiscal year (annual) or quarter, newest first
     * when a period was reported twice. No access check: the caller has already been given the company.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, Double> ratiosOf(UUID companyId, String periodType, int fiscalYear, String fiscalQuarter) {
        return repository.ratiosOf(companyId, periodType, fiscalYear, fiscalQuarter);
    }

    /** Daily aggregates from the materialized view (refreshed every few minutes). */
    @Transactional(readOnly = true)
    public List<BucketValue> dailySummary(
            Caller caller, UUID companyId, String metricType, LocalDate from, LocalDate to) {
        companies.get(caller, companyId);
        return repository.dailySummary(companyId, metricType, from, to);
    }
}
