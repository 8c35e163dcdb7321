package io.covenant.training;

import io.covenant.prediction.Calibration;

/**
 * Fits Platt scaling (a logistic regression of the outcome on the raw log-odds) by Newton's method with a halving
 * line search, so that raw scores far out in the tails cannot make it diverge.
 */
final class Platt {

    private Platt() {}

    static Calibration fit(double[] raw, int[] y, boolean[] use) {
        double a = 1;
        double b = 0;
        double current = logLikelihood(raw, y, use, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < raw.length; i++) {
                if (!use[i]) {
                    continue;
                }
                double p = LogisticTrainer.sigmoid(a * raw[i] + b);
                double w = p * (1 - p);
                ga += (y[i] - p) * raw[i];
                gb += y[i] - p;
                haa += w * raw[i] * raw[i];
                hab += w * raw[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double step = 1;
            double next = logLikelihood(raw, y, use, a + da, b + db);
            while (!(next >= current) && step > 1e-8) {
                step /= 2;
                next = logLikelihood(raw, y, use, a + step * da, b + step * db);
            }
            if (!(next >= current)) {
                break;
            }
            a += step * da;
            b += step * db;
            boolean converged = current - next > -1e-12 && Math.abs(step * da) + Math.abs(step * db) < 1e-9;
            current = next;
            if (converged) {
                break;
            }
        }
        return new Calibration(a, b);
    }

    private static double logLikelihood(double[] raw, int[] y, boolean[] use, double a, double b) {
        double sum = 0;
        for (int i = 0; i < raw.length; i++) {
            if (use[i]) {
                double z = a * raw[i] + b;
                // log(1 + e^z) computed stably.
                double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
                sum += y[i] * z - softplus;
            }
        }
        return sum;
    }
}
