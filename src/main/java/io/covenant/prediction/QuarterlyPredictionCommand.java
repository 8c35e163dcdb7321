package io.covenant.prediction;

import io.covenant.shared.security.AccessLevel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Score a company for a fiscal quarter from the six quarterly ratios, or, when every ratio is omitted, from the ratios
 * derived from its imported financials. Ratios outside the ranges of AccuNode's CHECK constraints are refused
 * ({@link RatioRange}).
 */
public record QuarterlyPredictionCommand(
        @NotNull UUID companyId,

        @NotNull @Pattern(regexp = "\\d{4}", message = "must be four digits")
        String reportingYear,

        @NotNull @Pattern(regexp = "Q[1-4]", message = "must be one of Q1, Q2, Q3, Q4")
        String reportingQuarter,

        @RatioRange(Ratio.CURRENT_RATIO) @Nullable BigDecimal currentRatio,

        @RatioRange(Ratio.QUICK_RATIO) @Nullable BigDecimal quickRatio,

        @RatioRange(Ratio.DEBT_TO_EQUITY) @Nullable BigDecimal debtToEquity,

        @RatioRange(Ratio.INVENTORY_TURNOVER) @Nullable BigDecimal inventoryTurnover,

        @RatioRange(Ratio.RECEIVABLES_TURNOVER) @Nullable BigDecimal receivablesTurnover,

        @RatioRange(Ratio.WORKING_CAPITAL_TO_TOTAL_ASSETS) @Nullable
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
