package io.covenant.prediction;

import io.covenant.shared.security.AccessLevel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Score a company for a fiscal year from the five annual ratios, or, when every ratio is omitted, from the ratios
 * derived from its imported financials. Ratios outside the ranges of AccuNode's CHECK constraints are refused
 * ({@link RatioRange}).
 */
public record AnnualPredictionCommand(
        @NotNull UUID companyId,

        @NotNull @Pattern(regexp = "\\d{4}", message = "must be four digits")
        String reportingYear,

        @RatioRange(Ratio.LONG_TERM_DEBT_TO_TOTAL_CAPITAL) @Nullable
        BigDecimal longTermDebtToTotalCapital,

        @RatioRange(Ratio.TOTAL_DEBT_TO_EBITDA) @Nullable BigDecimal totalDebtToEbitda,

        @RatioRange(Ratio.NET_INCOME_MARGIN) @Nullable BigDecimal netIncomeMargin,

        @RatioRange(Ratio.EBIT_TO_INTEREST_EXPENSE) @Nullable
        BigDecimal ebitToInterestExpense,

        @RatioRange(Ratio.RETURN_ON_ASSETS) @Nullable BigDecimal returnOnAssets,

        @Nullable AccessLevel accessLevel)
        implements ScoringCommand {

    @Override
    public PredictionKind kind() {
        return PredictionKind.ANNUAL;
    }

    @Override
    public BigDecimal[] ratios() {
        return new BigDecimal[] {
            longTermDebtToTotalCapital, totalDebtToEbitda, netIncomeMargin, ebitToInterestExpense, returnOnAssets
        };
    }
}
