package io.covenant.ops;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How far ahead yearly metric partitions are created and how often the daily metrics summary is refreshed.
 *
 * @param partitionYearsAhead years beyond the current one that must already have a partition
 * @param summaryRefresh delay between two concurrent refreshes of {@code daily_metrics_summary}
 */
@Validated
@ConfigurationProperties("covenant.database.maintenance")
record MaintenanceProperties(@Min(1) @Max(20) int partitionYearsAhead, @NotNull Duration summaryRefresh) {
}
