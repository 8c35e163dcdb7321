package io.covenant.prediction.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.covenant.prediction.Calibration;
import io.covenant.prediction.GbmModel;
import io.covenant.prediction.LogisticModel;
import io.covenant.prediction.ModelArtifact;
import io.covenant.prediction.ModelArtifact.CalibrationBin;
import io.covenant.prediction.ModelArtifact.ModelMetrics;
import io.covenant.prediction.Ratio;
import io.covenant.prediction.RiskThresholds;

/**
 * Trains and evaluates one model family: stratified 5-fold cross-validation (seed 42) gives out-of-fold scores;
 * Platt scaling is cross-fitted (each fold calibrated on the other folds' out-of-fold scores) so the reported Brier
 * score and calibration table are honest; the final models are fitted on every row and calibrated on all
 * out-of-fold scores.
 */
final class Trainer {

	static final int FOLDS = 5;

	static final long SEED = 42;

	static final int RATIO_ITERATIONS = 300;

	static final int REFERENCE_ITERATIONS = 500;

	private Trainer() {
	}

	static ModelArtifact ratios(String name, List<Ratio> ratios, Arff data, String file, String sha256, boolean logistic) {
		int n = data.size();
		int d = ratios.size();
		double[][] x = new double[n][d];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < d; j++) {
				x[i][j] = ratios.get(j).clip(ratios.get(j).fromPolish(data.attributes()[i]));
			}
		}
		int[] y = data.labels();
		List<String> features = ratios.stream().map(Ratio::key).toList();
		double[] lows = ratios.stream().mapToDouble(r -> r.min).toArray();
		double[] highs = ratios.stream().mapToDouble(r -> r.max).toArray();
		int[] fold = Folds.stratified(y, FOLDS, SEED);

		double[] oofLogistic = new double[n];
		double[] oofGbm = new double[n];
		for (int k = 0; k < FOLDS; k++) {
			Split split = Split.of(x, y, fold, k);
			if (logistic) {
				LogisticModel model = LogisticTrainer.fit(features, split.trainX(), split.trainY(), lows, highs);
				for (int i : split.test()) {
					oofLogistic[i] = model.logit(x[i]);
				}
			}
			try (GbmModel model = new GbmModel(GbmTrainer.fit(split.trainX(), split.trainY(), GbmTrainer.RATIOS,
					RATIO_ITERATIONS), d)) {
				for (int i : split.test()) {
					oofGbm[i] = model.raw(x[i]);
				}
			}
		}
		Map<String, ModelMetrics> metrics = new LinkedHashMap<>();
		double[] pLogistic = crossFittedProbabilities(oofLogistic, y, fold);
		double[] pGbm = crossFittedProbabilities(oofGbm, y, fold);
		if (logistic) {
			metrics.put("logistic", metrics(oofLogistic, pLogistic, y));
		}
		metrics.put("gbm", metrics(oofGbm, pGbm, y));
		if (logistic) {
			double[] ensemble = new double[n];
			for (int i = 0; i < n; i++) {
				ensemble[i] = (pLogistic[i] + pGbm[i]) / 2;
			}
			metrics.put("ensemble", metrics(ensemble, ensemble, y));
		}

		boolean[] all = new boolean[n];
		Arrays.fill(all, true);
		LogisticModel finalLogistic = logistic ? LogisticTrainer.fit(features, x, y, lows, highs) : null;
		String finalGbm = GbmTrainer.fit(x, y, GbmTrainer.RATIOS, RATIO_ITERATIONS);
		Map<String, String> mapping = new LinkedHashMap<>();
		ratios.forEach(r -> mapping.put(r.key(), r.polishMapping + "; clipped to [" + r.min + ", " + r.max + "]"));
		return new ModelArtifact(name, "1.0.0+" + sha256.substring(0, 12), file, sha256, n, data.positives(), features,
				mapping, finalLogistic, logistic ? Platt.fit(oofLogistic, y, all) : null, finalGbm,
				Platt.fit(oofGbm, y, all), RiskThresholds.DEFAULT, metrics);
	}

	/** The 64-attribute LightGBM reference: its cross-validated metrics only. */
	static ModelMetrics reference(Arff data) {
		double[][] x = data.attributes();
		int[] y = data.labels();
		int[] fold = Folds.stratified(y, FOLDS, SEED);
		double[] oof = new double[x.length];
		for (int k = 0; k < FOLDS; k++) {
			Split split = Split.of(x, y, fold, k);
			try (GbmModel model = new GbmModel(GbmTrainer.fit(split.trainX(), split.trainY(), GbmTrainer.REFERENCE,
					REFERENCE_ITERATIONS), x[0].length)) {
				for (int i : split.test()) {
					oof[i] = model.raw(x[i]);
				}
			}
		}
		return metrics(oof, crossFittedProbabilities(oof, y, fold), y);
	}

	private static double[] crossFittedProbabilities(double[] raw, int[] y, int[] fold) {
		double[] p = new double[raw.length];
		for (int k = 0; k < FOLDS; k++) {
			boolean[] others = new boolean[raw.length];
			for (int i = 0; i < raw.length; i++) {
				others[i] = fold[i] != k;
			}
			Calibration calibration = Platt.fit(raw, y, others);
			for (int i = 0; i < raw.length; i++) {
				if (fold[i] == k) {
					p[i] = Calibration.sigmoid(calibration.logit(raw[i]));
				}
			}
		}
		return p;
	}

	/** Ranking metrics on the out-of-fold scores; Brier and calibration on the cross-fitted probabilities. */
	private static ModelMetrics metrics(double[] scores, double[] probabilities, int[] y) {
		Evaluation.Scores ranking = Evaluation.of(scores, y);
		Evaluation.Scores calibrated = Evaluation.of(probabilities, y);
		return new ModelMetrics(round(ranking.rocAuc()), round(ranking.prAuc()), round(calibrated.brier()),
				calibratedBins(calibrated));
	}

	private static java.util.List<CalibrationBin> calibratedBins(Evaluation.Scores scores) {
		return scores.calibration().stream().map(b -> new CalibrationBin(round(b.from()), round(b.to()), b.count(),
				round(b.meanPredicted()), round(b.observedRate()))).toList();
	}

	private static double round(double v) {
		return Math.round(v * 10_000) / 10_000.0;
	}

	/** The rows of one fold held out, the rest for training. */
	private record Split(double[][] trainX, int[] trainY, int[] test) {

		static Split of(double[][] x, int[] y, int[] fold, int k) {
			List<double[]> tx = new ArrayList<>();
			List<Integer> ty = new ArrayList<>();
			List<Integer> test = new ArrayList<>();
			for (int i = 0; i < x.length; i++) {
				if (fold[i] == k) {
					test.add(i);
				}
				else {
					tx.add(x[i]);
					ty.add(y[i]);
				}
			}
			return new Split(tx.toArray(double[][]::new), ty.stream().mapToInt(Integer::intValue).toArray(),
					test.stream().mapToInt(Integer::intValue).toArray());
		}

	}

}
