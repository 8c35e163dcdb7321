package io.covenant.training;

import io.covenant.prediction.Calibration;
import io.covenant.prediction.CompiledTrees;
import io.covenant.prediction.ModelArtifact;
import io.covenant.prediction.ModelArtifact.CalibrationBin;
import io.covenant.prediction.ModelArtifact.Ensemble;
import io.covenant.prediction.ModelArtifact.ModelMetrics;
import io.covenant.prediction.ModelArtifact.OutOfSample;
import io.covenant.prediction.Ratio;
import io.covenant.prediction.RiskThresholds;
import io.covenant.prediction.ScorecardModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Trains and evaluates one model family (a scorecard, LightGBM and their ensemble): stratified 5-fold
 * cross-validation (seed 42) gives out-of-fold scores; Platt scaling is cross-fitted (each fold calibrated on the other
 * folds' out-of-fold scores) so the reported Brier score and calibration table are honest; the final models are
 * fitted on every row, calibrated on all out-of-fold scores, and score the hold-out file.
 */
final class Trainer {

    static final int FOLDS = 5;

    static final long SEED = 42;

    static final int RATIO_ITERATIONS = 300;

    static final int REFERENCE_ITERATIONS = 500;

    private Trainer() {}

    static ModelArtifact ratios(String name, List<Ratio> ratios, Arff data, Arff holdout, String file, String sha256) {
        double[][] x = matrix(ratios, data, false);
        int n = x.length;
        int d = ratios.size();
        int[] y = data.labels();
        List<String> features = ratios.stream().map(Ratio::key).toList();
        int[] fold = Folds.stratified(y, FOLDS, SEED);

        double[] oofLogistic = new double[n];
        double[] oofGbm = new double[n];
        for (int k = 0; k < FOLDS; k++) {
            Split split = Split.of(x, y, fold, k);
            ScorecardModel scorecard = ScorecardTrainer.fit(features, split.trainX(), split.trainY());
            CompiledTrees trees = CompiledTrees.of(
                    GbmTrainer.fit(split.trainX(), split.trainY(), GbmTrainer.RATIOS, RATIO_ITERATIONS), d);
            for (int i : split.test()) {
                oofLogistic[i] = scorecard.logit(x[i]);
                oofGbm[i] = trees.raw(x[i]);
            }
        }
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        Calibration logisticCalibration = Platt.fit(oofLogistic, y, all);
        Calibration gbmCalibration = Platt.fit(oofGbm, y, all);
        double weight = bestWeight(calibrated(oofLogistic, logisticCalibration), calibrated(oofGbm, gbmCalibration), y);
        double[] oofBlend =
                blend(weight, calibrated(oofLogistic, logisticCalibration), calibrated(oofGbm, gbmCalibration));
        Map<String, ModelMetrics> metrics = new LinkedHashMap<>();
        metrics.put("logistic", metrics(oofLogistic, crossFittedProbabilities(oofLogistic, y, fold), y));
        metrics.put("gbm", metrics(oofGbm, crossFittedProbabilities(oofGbm, y, fold), y));
        metrics.put("ensemble", metrics(oofBlend, crossFittedProbabilities(oofBlend, y, fold), y));
        Ensemble ensemble = new Ensemble(weight, Platt.fit(oofBlend, y, all));

        ScorecardModel finalScorecard = ScorecardTrainer.fit(features, x, y);
        String finalGbm = GbmTrainer.fit(x, y, GbmTrainer.RATIOS, RATIO_ITERATIONS);
        OutOfSample outOfSample = outOfSample(
                ratios,
                holdout,
                finalScorecard,
                logisticCalibration,
                CompiledTrees.of(finalGbm, d),
                gbmCalibration,
                ensemble,
                (double) data.positives() / n);
        Map<String, String> mapping = new LinkedHashMap<>();
        ratios.forEach(r -> mapping.put(r.key(), r.polishMapping + "; clipped to [" + r.min + ", " + r.max + "]"));
        return new ModelArtifact(
                name,
                "",
                file,
                sha256,
                n,
                data.positives(),
                features,
                mapping,
                finalScorecard,
                logisticCalibration,
                finalGbm,
                gbmCalibration,
                ensemble,
                RiskThresholds.DEFAULT,
                Distributions.of(ratios, matrix(ratios, data, true)),
                metrics,
                outOfSample);
    }

    private static OutOfSample outOfSample(
            List<Ratio> ratios,
            Arff holdout,
            ScorecardModel scorecard,
            Calibration logisticCalibration,
            CompiledTrees trees,
            Calibration gbmCalibration,
            Ensemble ensemble,
            double trainingRate) {
        // An upload refuses a row without any ratio, so the hold-out leaves such rows out too.
        double[][] all = matrix(ratios, holdout, true);
        int[] kept = IntStream.range(0, all.length)
                .filter(i -> Arrays.stream(all[i]).anyMatch(v -> !Double.isNaN(v)))
                .toArray();
        double[][] x = Arrays.stream(kept).mapToObj(i -> all[i]).toArray(double[][]::new);
        int[] y = Arrays.stream(kept).map(i -> holdout.labels()[i]).toArray();
        int n = x.length;
        double[][] logits = new double[3][n];
        for (int i = 0; i < n; i++) {
            logits[0][i] = logisticCalibration.logit(scorecard.logit(x[i]));
            logits[1][i] = gbmCalibration.logit(trees.raw(x[i]));
            logits[2][i] = ensemble.logit(logits[0][i], logits[1][i]);
        }
        double rate = (double) Arrays.stream(y).sum() / n;
        double shift = Math.log(rate / (1 - rate)) - Math.log(trainingRate / (1 - trainingRate));
        Map<String, ModelMetrics> metrics = new LinkedHashMap<>();
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> shifted = new LinkedHashMap<>();
        String[] names = {"logistic", "gbm", "ensemble"};
        for (int m = 0; m < 3; m++) {
            double[] p = Arrays.stream(logits[m]).map(Calibration::sigmoid).toArray();
            double[] q = Arrays.stream(logits[m])
                    .map(v -> Calibration.sigmoid(v + shift))
                    .toArray();
            metrics.put(names[m], metrics(p, p, y));
            mean.put(names[m], round(Arrays.stream(p).average().orElse(0)));
            shifted.put(names[m], round(Evaluation.brier(q, y)));
        }
        return new OutOfSample(holdout.file(), n, Arrays.stream(y).sum(), metrics, mean, shifted);
    }

    /** The ratios of every row, clipped; {@code stored} keeps four decimals, as the prediction tables do. */
    static double[][] matrix(List<Ratio> ratios, Arff data, boolean stored) {
        double[][] x = new double[data.size()][ratios.size()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < ratios.size(); j++) {
                double v = ratios.get(j).clip(ratios.get(j).fromPolish(data.attributes()[i]));
                x[i][j] = stored && !Double.isNaN(v) ? Math.round(v * 10_000) / 10_000.0 : v;
            }
        }
        return x;
    }

    private static double[] calibrated(double[] raw, Calibration calibration) {
        return Arrays.stream(raw).map(calibration::logit).toArray();
    }

    private static double[] blend(double weight, double[] logistic, double[] gbm) {
        double[] b = new double[logistic.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = weight * logistic[i] + (1 - weight) * gbm[i];
        }
        return b;
    }

    /** The logistic member's weight, in steps of 0.05, whose blend ranks the out-of-fold scores best. */
    private static double bestWeight(double[] logistic, double[] gbm, int[] y) {
        double best = 0;
        double bestAuc = -1;
        for (int step = 0; step <= 20; step++) {
            double w = step / 20.0;
            double auc = Evaluation.rocAuc(blend(w, logistic, gbm), y);
            if (auc > bestAuc + 1e-12) {
                best = w;
                bestAuc = auc;
            }
        }
        return best;
    }

    /** The 64-attribute LightGBM reference: its cross-validated metrics only. */
    static ModelMetrics reference(Arff data) {
        double[][] x = data.attributes();
        int[] y = data.labels();
        int[] fold = Folds.stratified(y, FOLDS, SEED);
        double[] oof = new double[x.length];
        for (int k = 0; k < FOLDS; k++) {
            Split split = Split.of(x, y, fold, k);
            CompiledTrees model = CompiledTrees.of(
                    GbmTrainer.fit(split.trainX(), split.trainY(), GbmTrainer.REFERENCE, REFERENCE_ITERATIONS),
                    x[0].length);
            for (int i : split.test()) {
                oof[i] = model.raw(x[i]);
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
        return new ModelMetrics(
                round(ranking.rocAuc()), round(ranking.prAuc()), round(calibrated.brier()), calibratedBins(calibrated));
    }

    private static List<CalibrationBin> calibratedBins(Evaluation.Scores scores) {
        return scores.calibration().stream()
                .map(b -> new CalibrationBin(
                        round(b.from()), round(b.to()), b.count(), round(b.meanPredicted()), round(b.observedRate())))
                .toList();
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
                } else {
                    tx.add(x[i]);
                    ty.add(y[i]);
                }
            }
            return new Split(
                    tx.toArray(double[][]::new),
                    ty.stream().mapToInt(Integer::intValue).toArray(),
                    test.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
