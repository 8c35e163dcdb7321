package io.covenant.metric;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One value of a metric for a company at a date and period; the point is identified by company, metric, date and
 * period type, so writing it again replaces the value.
 */
public record MetricPoint(
        @NotBlank @Size(max = 50) String metricType,
        @NotNull LocalDate metricDate,
        @NotNull Double value,
        @Size(max = 20) String unit,

        @NotBlank
        @Pattern(
                regexp = "instant|daily|monthly|quarterly|annual|ttm",
                message = "must be one of instant, daily, monthly, quarterly, annual, ttm")
        String periodType,

        Integer fiscalYear,

        @Pattern(regexp = "Q[1-4]", message = "must be Q1..Q4")
        String fiscalQuarter,

        @Pattern(
                regexp = "financial|ratio|operational|market",
                message = "must be one of financial, ratio, operational, market")
        String metricCategory,

        @Size(max = 50) String source,
        UUID sourceFilingId) {}
