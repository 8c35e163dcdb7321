package io.covenant.metric;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the metric queries return. */
public final class MetricViews {

    private MetricViews() {}

    /** One stored point. */
    public record Point(
            UUID companyId,
            String metricType,
            LocalDate metricDate,
            double value,
            String unit,
            String periodType,
            Integer fiscalYear,
            String fiscalQuarter) {}

    /** One bucket of an aggregated series. */
    public record BucketValue(
            OffsetDateTime bucketStart, double avg, double min, double max, long count, Double last) {}

    /** A company's value of a metric within a sector comparison. */
    public record SectorEntry(
            UUID companyId, String symbol, String name, double average, double last, LocalDate lastDate, long points) {}
}
