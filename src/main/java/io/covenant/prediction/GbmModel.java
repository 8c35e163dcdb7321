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

    /** No parameters: LightGBM's own thread pool, as its batch prediction defaults to. */
    private static final String LIGHTGBM_THREADS = "";

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
        return predict(x, 1, PredictionType.C_API_PREDICT_RAW_SCORE, SINGLE_THREAD)[0];
    }

    /** Raw scores of many rows (row-major, {@code features} per row). */
    double[] raw(double[] rows, int count) {
        return predict(rows, count, PredictionType.C_API_PREDICT_RAW_SCORE, LIGHTGBM_THREADS);
    }

    /** One contribution per feature, then the bias; they sum to the raw score. */
    double[] contributions(double[] x) {
        return predict(x, 1, PredictionType.C_API_PREDICT_CONTRIB, SINGLE_THREAD);
    }

    /** Contributions of many rows (row-major) at once: {@code features + 1} values per row, the bias last. */
    double[] contributions(double[] rows, int count) {
        return predict(rows, count, PredictionType.C_API_PREDICT_CONTRIB, LIGHTGBM_THREADS);
    }

    /** A failing native call is a defect of the model or the library, never of the caller's input. */
    private double[] predict(double[] rows, int count, PredictionType type, String parameters) {
        try {
            return booster.predictForMat(rows, count, features, true, type, parameters);
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
