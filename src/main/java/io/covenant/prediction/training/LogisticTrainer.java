package io.covenant.prediction.training;

import java.util.Arrays;
import java.util.List;

import io.covenant.prediction.LogisticModel;

/**
 * Fits a logistic regression by iteratively reweighted least squares (Newton's method) with an L2 penalty on the
 * coefficients, after clipping to the allowed ranges, median imputation and standardisation learnt from the
 * training rows only. Deterministic: the same rows give the same model.
 */
final class LogisticTrainer {

	static final double L2 = 1.0;

	private LogisticTrainer() {
	}

	static LogisticModel fit(List<String> features, double[][] x, int[] y, double[] lows, double[] highs) {
		int n = x.length;
		int d = features.size();
		double[] medians = new double[d];
		double[] means = new double[d];
		double[] scales = new double[d];
		for (int j = 0; j < d; j++) {
			final int col = j;
			double[] present = Arrays.stream(x).mapToDouble(r -> r[col]).filter(v -> !Double.isNaN(v))
				.map(v -> Math.max(lows[col], Math.min(highs[col], v))).sorted().toArray();
			medians[j] = present.length == 0 ? 0 : present[present.length / 2];
		}
		LogisticModel unscaled = new LogisticModel(features, 0, new double[d], new double[d], ones(d), medians, lows, highs);
		double[][] clipped = Arrays.stream(x).map(unscaled::standardise).toArray(double[][]::new);
		for (int j = 0; j < d; j++) {
			final int col = j;
			means[j] = Arrays.stream(clipped).mapToDouble(r -> r[col]).average().orElse(0);
			double variance = Arrays.stream(clipped).mapToDouble(r -> (r[col] - means[col]) * (r[col] - means[col]))
				.average().orElse(1);
			scales[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
		}
		double[][] z = new double[n][d + 1];
		for (int i = 0; i < n; i++) {
			z[i][0] = 1;
			for (int j = 0; j < d; j++) {
				z[i][j + 1] = (clipped[i][j] - means[j]) / scales[j];
			}
		}
		double[] beta = new double[d + 1];
		for (int iteration = 0; iteration < 50; iteration++) {
			double[] gradient = new double[d + 1];
			double[][] hessian = new double[d + 1][d + 1];
			for (int i = 0; i < n; i++) {
				double p = sigmoid(dot(beta, z[i]));
				double w = p * (1 - p);
				for (int a = 0; a <= d; a++) {
					gradient[a] += (y[i] - p) * z[i][a];
					for (int b = 0; b <= d; b++) {
						hessian[a][b] += w * z[i][a] * z[i][b];
					}
				}
			}
			for (int a = 1; a <= d; a++) {
				gradient[a] -= L2 * beta[a];
				hessian[a][a] += L2;
			}
			double[] step = solve(hessian, gradient);
			double change = 0;
			for (int a = 0; a <= d; a++) {
				beta[a] += step[a];
				change = Math.max(change, Math.abs(step[a]));
			}
			if (change < 1e-10) {
				break;
			}
		}
		return new LogisticModel(features, beta[0], Arrays.copyOfRange(beta, 1, d + 1), means, scales, medians, lows, highs);
	}

	static double sigmoid(double v) {
		return 1 / (1 + Math.exp(-v));
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	private static double[] ones(int d) {
		double[] v = new double[d];
		Arrays.fill(v, 1);
		return v;
	}

	/** Gaussian elimination with partial pivoting; the system is small (features + 1). */
	static double[] solve(double[][] matrix, double[] vector) {
		int n = vector.length;
		double[][] a = new double[n][];
		double[] b = vector.clone();
		for (int i = 0; i < n; i++) {
			a[i] = matrix[i].clone();
		}
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int r = col + 1; r < n; r++) {
				if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
					pivot = r;
				}
			}
			double[] rowSwap = a[col];
			a[col] = a[pivot];
			a[pivot] = rowSwap;
			double bSwap = b[col];
			b[col] = b[pivot];
			b[pivot] = bSwap;
			for (int r = col + 1; r < n; r++) {
				double f = a[r][col] / a[col][col];
				b[r] -= f * b[col];
				for (int c = col; c < n; c++) {
					a[r][c] -= f * a[col][c];
				}
			}
		}
		double[] x = new double[n];
		for (int r = n - 1; r >= 0; r--) {
			double s = b[r];
			for (int c = r + 1; c < n; c++) {
				s -= a[r][c] * x[c];
			}
			x[r] = s / a[r][r];
		}
		return x;
	}

}
