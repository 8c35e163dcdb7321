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
 * Score a company for a fiscal year from the five annual ratios, or, when every ratio is omitted, from the ratios
 * derived from its imported financials. Ratios outside the ranges of AccuNode's CHECK constraints are refused.
 */
public record AnnualPredictionCommand(
        @NotNull UUID companyId,

        @NotNull @Pattern(regexp = "\\d{4}", message = "must be four digits")
        String reportingYear,

        @DecimalMin(value = "0", message = "must be between 0 and 2")
        @DecimalMax(value = "2", message = "must be between 0 and 2")
        @Nullable
        BigDecimal longTermDebtToTotalCapital,

        @DecimalMin(value = "0", message = "must be between 0 and 50")
        @DecimalMax(value = "50", message = "must be between 0 and 50")
        @Nullable
        BigDecimal totalDebtToEbitda,

        @DecimalMin(value = "-1", message = "must be between -1 and 1")
        @DecimalMax(value = "1", message = "must be between -1 and 1")
        @Nullable
        BigDecimal netIncomeMargin,

        @DecimalMin(value = "0", message = "must be between 0 and 100")
        @DecimalMax(value = "100", message = "must be between 0 and 100")
        @Nullable
        BigDecimal ebitToInterestExpense,

        @DecimalMin(value = "-1", message = "must be between -1 and 1")
        @DecimalMax(value = "1", message = "must be between -1 and 1")
        @Nullable
        BigDecimal returnOnAssets,

        @Nullable AccessLevel accessLevel)
        implements ScoringCommand {

    @Override
    public PredictionKind kind() {
        return PredictionKind.ANNUAL;
    }

    @Override
    public @Nullable String quarter() {
        return null;
    }

    @Override
    public BigDecimal[] ratios() {
        return new BigDecimal[] {
            longTermDebtToTotalCapital, totalDebtToEbitda, netIncomeMargin, ebitToInterestExpense, returnOnAssets
        };
    }
}
