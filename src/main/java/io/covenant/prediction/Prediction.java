package io.covenant.prediction;

import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Owned;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An annual or quarterly prediction as the API shows it; {@code @Nullable} where the column allows NULL or the other
 * kind has no such column. Annual rows carry {@code probability} (and the members' probabilities since V50; older
 * rows have none); quarterly rows carry {@code reporting_quarter} and the three model probabilities. A missing ratio
 * is a null value in {@code ratios}. {@code updated} says whether a request replaced an existing prediction for the
 * same company, period and owner; null on a read.
 */
public record Prediction(
        UUID id,
        String kind,
        UUID companyId,
        String companySymbol,
        String companyName,
        String reportingYear,
        @Nullable String reportingQuarter,
        @Nullable BigDecimal probability,
        @Nullable BigDecimal logisticProbability,
        @Nullable BigDecimal gbmProbability,
        @Nullable BigDecimal ensembleProbability,
        String riskLevel,
        BigDecimal confidence,
        OffsetDateTime predictedAt,
        Map<String, @Nullable BigDecimal> ratios,
        @Nullable String modelVersion,
        List<Reasons> reasons,
        AccessLevel accessLevel,
        @Nullable UUID organizationId,
        UUID createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable Boolean updated)
        implements Owned {

    Prediction withReasons(List<Reasons> value) {
        return with(value, updated);
    }

    Prediction withUpdated(boolean value) {
        return with(reasons, value);
    }

    private Prediction with(List<Reasons> reasons, @Nullable Boolean updated) {
        return new Prediction(
                id,
                kind,
                companyId,
                companySymbol,
                companyName,
                reportingYear,
                reportingQuarter,
                probability,
                logisticProbability,
                gbmProbability,
                ensembleProbability,
                riskLevel,
                confidence,
                predictedAt,
                ratios,
                modelVersion,
                reasons,
                accessLevel,
                organizationId,
                createdBy,
                createdAt,
                updatedAt,
                updated);
    }
}
