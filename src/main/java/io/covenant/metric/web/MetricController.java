package io.covenant.metric.web;

import io.covenant.metric.Bucket;
import io.covenant.metric.MetricPoint;
import io.covenant.metric.MetricViews.BucketValue;
import io.covenant.metric.MetricViews.Point;
import io.covenant.metric.MetricViews.SectorEntry;
import io.covenant.metric.Metrics;
import io.covenant.shared.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Metric time series: writes, series, buckets, latest values, sector comparison and the daily summary. */
@RestController
class MetricController {

    private final Metrics metrics;

    MetricController(Metrics metrics) {
        this.metrics = metrics;
    }

    @PostMapping("/api/v1/companies/{id}/metrics")
    Map<String, Integer> write(Caller caller, @PathVariable UUID id, @Valid @RequestBody MetricBatch batch) {
        return Map.of("written", metrics.write(caller, id, batch.points()));
    }

    @GetMapping("/api/v1/companies/{id}/metrics/{type}")
    List<Point> series(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "period_type", required = false) String periodType) {
        return metrics.series(caller, id, type, from, to, periodType);
    }

    @GetMapping("/api/v1/companies/{id}/metrics/{type}/buckets")
    List<BucketValue> buckets(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String type,
            @RequestParam String bucket,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "period_type", required = false) String periodType) {
        return metrics.buckets(caller, id, type, from, to, Bucket.of(bucket), periodType);
    }

    @GetMapping("/api/v1/companies/{id}/metrics/{type}/daily")
    List<BucketValue> daily(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return metrics.dailySummary(caller, id, type, from, to);
    }

    @GetMapping("/api/v1/metrics/latest")
    Map<UUID, List<Point>> latest(
            Caller caller,
            @RequestParam(name = "company_id") List<UUID> companyIds,
            @RequestParam(name = "metric_type", required = false) List<String> metricTypes) {
        return metrics.latest(caller, companyIds, metricTypes);
    }

    @GetMapping("/api/v1/metrics/sector-comparison")
    List<SectorEntry> sector(
            Caller caller,
            @RequestParam String sector,
            @RequestParam(name = "metric_type") String metricType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return metrics.sectorComparison(caller, sector, metricType, from, to);
    }

    record MetricBatch(@NotEmpty @Size(max = 10_000) List<@Valid MetricPoint> points) {}
}
