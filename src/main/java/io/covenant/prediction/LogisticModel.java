package io.covenant.prediction;

import java.util.List;

/**
 * A logistic regression on standardised, clipped and imputed ratios. The log-odds are the intercept plus one
 * contribution per ratio (coefficient x standardised value), which is how the reasons are reported.
 */
public record LogisticModel(List<String> features, double intercept, double[] coefficients, double[] means,
		double[] scales, double[] medians, double[] lows, double[] highs) {

	/** The standardised value of each feature: clipped, imputed with the training median, centred and scaled. */
	public double[] standardise(double[] raw) {
		double[] z = new double[raw.length];
		for (int i = 0; i < raw.length; i++) {
			double v = Double.isNaN(raw[i]) ? medians[i] : Math.max(lows[i], Math.min(highs[i], raw[i]));
			z[i] = (v - means[i]) / scales[i];
		}
		return z;
	}

	public double[] contributions(double[] raw) {
		double[] z = standardise(raw);
		double[] c = new double[z.length];
		for (int i = 0; i < z.length; i++) {
			c[i] = coefficients[i] * z[i];
		}
		return c;
	}

	public double logit(double[] raw) {
		double sum = intercept;
		for (double c : contributions(raw)) {
			sum += c;
		}
		return sum;
	}

}
