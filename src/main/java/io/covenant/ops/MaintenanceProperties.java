package io.covenant.ops;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the maintenance jobs keep and how often they run.
 *
 * @param partitionYearsAhead years beyond the current one that must already have a partition
 * @param summaryRefresh delay between two incremental refreshes of {@code daily_metrics_summary}
 * @param metricsRetentionYears whole calendar years of {@code financial_metrics} kept besides the current one; older
 * yearly partitions are dropped. {@code 0} keeps everything, so nothing is lost unless asked
 * @param uploadFileRetention how long the file of a finished upload is kept (its job, counts and row errors stay)
 * @param sessionRetention how long an expired or revoked session, or a used or expired verification, stays
 * @param analyzeMinChangedRows a table gets ANALYZE once this many rows, and a tenth of its rows, changed since the last
 */
@Validated
@ConfigurationProperties("covenant.database.maintenance")
record MaintenanceProperties(
        @Min(1) @Max(20) @DefaultValue("2") int partitionYearsAhead,
        @NotNull @DefaultValue("PT1M") Duration summaryRefresh,
        @Min(0) @DefaultValue("0") int metricsRetentionYears,
        @NotNull @DefaultValue("P30D") Duration uploadFileRetention,
        @NotNull @DefaultValue("P7D") Duration sessionRetention,
        @Min(1) @DefaultValue("10000") long analyzeMinChangedRows) {}
