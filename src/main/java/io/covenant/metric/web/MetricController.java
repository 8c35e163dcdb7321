package io.covenant.metric.web;

import io.covenant.metric.Bucket;
import io.covenant.metric.MetricPoint;
import io.covenant.metric.MetricViews.BucketValue;
import io.covenant.metric.MetricViews.Point;
import io.covenant.metric.MetricViews.SectorEntry;
import io.covenant.metric.Metrics;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.DateRange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Metric time series: writes, series, buckets, latest values, sector comparison and the daily summary. */
@RestController
record MetricController(Metrics metrics) {

    @PostMapping("/api/v1/companies/{id}/metrics")
    Map<String, Integer> write(Caller caller, @PathVariable UUID id, @Valid @RequestBody MetricBatch batch) {
        return Map.of("written", metrics.write(caller, id, batch.points()));
    }

    @GetMapping("/api/v1/companies/{id}/metrics/{type}")
    List<Point> series(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String type,
            @ParameterObject DateRange days,
            @RequestParam(name = "period_type", required = false) String periodType) {
        return metrics.series(caller, id, type, days.from(), days.to(), periodType);
    }

    @GetMapping("/api/v1/companies/{id}/metrics/{type}/buckets")
    List<BucketValue> buckets(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String type,
            @RequestParam String bucket,
            @ParameterObject DateRange days,
            @RequestParam(name = "period_type", required = false) String periodType) {
        return metrics.buckets(caller, id, type, days.from(), days.to(), Bucket.of(bucket), periodType);
    }

    @GetMapping("/api/v1/companies/{id}/metrics/{type}/daily")
    List<BucketValue> daily(
            Caller caller, @PathVariable UUID id, @PathVariable String type, @ParameterObject DateRange days) {
        return metrics.dailySummary(caller, id, type, days.from(), days.to());
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
            @ParameterObject DateRange days) {
        return metrics.sectorComparison(caller, sector, metricType, days.from(), days.to());
    }

    record MetricBatch(@NotEmpty @Size(max = 10_000) List<@Valid MetricPoint> points) {}
}
