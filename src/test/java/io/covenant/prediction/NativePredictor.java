package io.covenant.prediction;

/**
 * LightGBM's own predictor for tests and benchmarks outside this package, which compare the compiled trees with it;
 * the service's {@link GbmModel} itself stays inside the module.
 */
public final class NativePredictor implements AutoCloseable {

    private final GbmModel model;

    public NativePredictor(String modelText, int features) {
        this.model = new GbmModel(modelText, features);
    }

    /** Raw scores of many rows (row-major), on LightGBM's own threads. */
    public double[] raw(double[] rows, int count) {
        return model.raw(rows, count);
    }

    @Override
    public void close() {
        model.close();
    }
}
