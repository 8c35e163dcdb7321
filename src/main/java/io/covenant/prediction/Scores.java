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

	/** The annual model's verdict. */
	public record Annual(double probability, String riskLevel, double confidence, String modelVersion,
			Reasons reasons) {
	}

	/** The quarterly models' verdicts and their ensemble. */
	public record Quarterly(double logisticProbability, double gbmProbability, double ensembleProbability,
			String riskLevel, double confidence, String modelVersion, List<Reasons> reasons) {
	}

}
