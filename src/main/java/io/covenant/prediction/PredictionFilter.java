package io.covenant.prediction;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of a prediction list; each optional. */
public record PredictionFilter(
        @Nullable UUID companyId,
        @Nullable String reportingYear,
        @Nullable String reportingQuarter,
        @Nullable String riskLevel,
        @Nullable BigDecimal probabilityMin,
        @Nullable BigDecimal probabilityMax,
        @Nullable String sector) {}
