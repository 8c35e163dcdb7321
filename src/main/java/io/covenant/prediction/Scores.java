package io.covenant.prediction;

import java.util.List;

/** What scoring returns. */
public final class Scores {

	private Scores() {
	}

	/** A probability, confidence or ratio as the prediction tables store it: four decimals. */
	static java.math.BigDecimal stored(double value) {
		return java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP);
	}

	/**
	 * The verdicts of a kind's two models and their ensemble, which is the served probability (annual
	 * {@code probability}, quarterly {@code ensemble_probability}) that sets the risk level.
	 */
	public record Scored(double logisticProbability, double gbmProbability, double ensembleProbability,
			String riskLevel, double confidence, String modelVersion, List<Reasons> reasons) {
	}

}
