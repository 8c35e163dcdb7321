package io.covenant.training;

import io.covenant.prediction.LightGbmNative;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;

/**
 * Trains LightGBM with fixed, deterministic settings and returns the model text. One thread: the result then does not
 * depend on the machine's cores, and OpenMP's spinning threads do not stall training on a busy, shared machine.
 */
final class GbmTrainer {

    static final String RATIOS = "objective=binary learning_rate=0.05 num_leaves=15 min_data_in_leaf=20 "
            + "feature_fraction=0.9 bagging_fraction=0.8 bagging_freq=1 lambda_l2=1.0 seed=42 deterministic=true "
            + "force_row_wise=true num_threads=1 verbose=-1";

    static final String REFERENCE = "objective=binary learning_rate=0.05 num_leaves=31 min_data_in_leaf=20 "
            + "feature_fraction=0.8 bagging_fraction=0.8 bagging_freq=1 lambda_l2=1.0 seed=42 deterministic=true "
            + "force_row_wise=true num_threads=1 verbose=-1";

    private GbmTrainer() {}

    static String fit(double[][] x, int[] y, String params, int iterations) {
        int n = x.length;
        int d = x[0].length;
        double[] flat = new double[n * d];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flat, i * d, d);
            labels[i] = y[i];
        }
        LightGbmNative.load();
        try (LGBMDataset dataset =
                LGBMDataset.createFromMat(flat, n, d, true, "max_bin=255 num_threads=1 verbose=-1", null)) {
            dataset.setField("label", labels);
            try (LGBMBooster booster = LGBMBooster.create(dataset, params)) {
                for (int i = 0; i < iterations; i++) {
                    booster.updateOneIter();
                }
                return booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.GAIN);
            }
        } catch (LGBMException ex) {
            throw new IllegalStateException("LightGBM training failed", ex);
        }
    }
}
