package io.covenant.prediction;

import io.covenant.shared.security.AccessLevel;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What scoring a company for a period takes from a request, annual or quarterly. */
sealed interface ScoringCommand permits AnnualPredictionCommand, QuarterlyPredictionCommand {

    PredictionKind kind();

    UUID companyId();

    String reportingYear();

    /** The fiscal quarter of a quarterly prediction; null for an annual one. */
    default @Nullable String quarter() {
        return null;
    }

    /** The ratios in the order of {@code kind().ratios}; null where the request left one out. */
    @Nullable
    BigDecimal[] ratios();

    @Nullable
    AccessLevel accessLevel();
}
