package io.covenant.prediction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** What scoring returns. */
public final class Scores {

    private Scores() {}

    /** A probability, confidence or ratio as the prediction tables store it: four decimals. */
    static BigDecimal stored(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    /**
     * The verdicts of a kind's two models and their ensemble, which is the served probability (annual
     * {@code probability}, quarterly {@code ensemble_probability}) that sets the risk level.
     */
    public record Scored(
            double logisticProbability,
            double gbmProbability,
            double ensembleProbability,
            String riskLevel,
            double confidence,
            String modelVersion,
            List<Reasons> reasons) {}
}
