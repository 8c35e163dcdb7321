package io.covenant.prediction;

import io.covenant.shared.security.AccessLevel;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Score a company for a fiscal quarter from the six quarterly ratios, or, when every ratio is omitted, from the
 * ratios derived from its imported financials. Ratios outside the ranges of AccuNode's CHECK constraints are refused.
 */
public record QuarterlyPredictionCommand(
        @NotNull UUID companyId,

        @NotNull @Pattern(regexp = "\\d{4}", message = "must be four digits")
        String reportingYear,

        @NotNull @Pattern(regexp = "Q[1-4]", message = "must be one of Q1, Q2, Q3, Q4")
        String reportingQuarter,

        @DecimalMin(value = "0", message = "must be between 0 and 10")
        @DecimalMax(value = "10", message = "must be between 0 and 10")
        @Nullable
        BigDecimal currentRatio,

        @DecimalMin(value = "0", message = "must be between 0 and 10")
        @DecimalMax(value = "10", message = "must be between 0 and 10")
        @Nullable
        BigDecimal quickRatio,

        @DecimalMin(value = "0", message = "must be between 0 and 5")
        @DecimalMax(value = "5", message = "must be between 0 and 5")
        @Nullable
        BigDecimal debtToEquity,

        @DecimalMin(value = "0", message = "must be between 0 and 50")
        @DecimalMax(value = "50", message = "must be between 0 and 50")
        @Nullable
        BigDecimal inventoryTurnover,

        @DecimalMin(value = "0", message = "must be between 0 and 50")
        @DecimalMax(value = "50", message = "must be between 0 and 50")
        @Nullable
        BigDecimal receivablesTurnover,

        @DecimalMin(value = "-1", message = "must be between -1 and 1")
        @DecimalMax(value = "1", message = "must be between -1 and 1")
        @Nullable
        BigDecimal workingCapitalToTotalAssets,

        @Nullable AccessLevel accessLevel)
        implements ScoringCommand {

    @Override
    public PredictionKind kind() {
        return PredictionKind.QUARTERLY;
    }

    @Override
    public @Nullable String quarter() {
        return reportingQuarter;
    }

    @Override
    public BigDecimal[] ratios() {
        return new BigDecimal[] {
            currentRatio, quickRatio, debtToEquity, inventoryTurnover, receivablesTurnover, workingCapitalToTotalAssets
        };
    }
}
