package io.covenant.prediction;

import java.math.BigDecimal;
import java.util.UUID;

/** Filters of a prediction list; each optional. */
public record PredictionFilter(
        UUID companyId,
        String reportingYear,
        String reportingQuarter,
        String riskLevel,
        BigDecimal probabilityMin,
        BigDecimal probabilityMax,
        String sector) {}
