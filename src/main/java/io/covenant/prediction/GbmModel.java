package io.covenant.prediction;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;

/**
 * A LightGBM model loaded from its text form. Raw scores are log-odds; the feature contributions (TreeSHAP) plus the
 * bias column sum to them, which is how the reasons are reported.
 */
final class GbmModel implements AutoCloseable {

    private static final String SINGLE_THREAD = "num_threads=1";

    private final LGBMBooster booster;

    private final int features;

    GbmModel(String text, int features) {
        LightGbmNative.load();
        try {
            this.booster = LGBMBooster.loadModelFromString(text);
        } catch (LGBMException ex) {
            throw new IllegalStateException("Cannot load the LightGBM model", ex);
        }
        this.features = features;
    }

    /** One row on the calling thread: waking an OpenMP pool costs more than the row itself. */
    double raw(double[] x) {
        try {
            return booster.predictForMat(x, 1, features, true, PredictionType.C_API_PREDICT_RAW_SCORE, SINGLE_THREAD)[
                    0];
        } catch (LGBMException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Raw scores of many rows (row-major, {@code features} per row). */
    double[] raw(double[] rows, int count) {
        try {
            return booster.predictForMat(rows, count, features, true, PredictionType.C_API_PREDICT_RAW_SCORE);
        } catch (LGBMException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** One contribution per feature, then the bias; they sum to the raw score. */
    double[] contributions(double[] x) {
        try {
            return booster.predictForMat(x, 1, features, true, PredictionType.C_API_PREDICT_CONTRIB, SINGLE_THREAD);
        } catch (LGBMException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Contributions of many rows (row-major) at once: {@code features + 1} values per row, the bias last. */
    double[] contributions(double[] rows, int count) {
        try {
            return booster.predictForMat(rows, count, features, true, PredictionType.C_API_PREDICT_CONTRIB);
        } catch (LGBMException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        try {
            booster.close();
        } catch (LGBMException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
