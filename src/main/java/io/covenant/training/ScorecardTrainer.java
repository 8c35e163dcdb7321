package io.covenant.training;

import io.covenant.prediction.ScorecardModel;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Fits a scorecard: each ratio is cut into up to {@link #BINS} quantile bins of the training rows plus a missing bin,
 * and a logistic regression on the bin indicators is fitted by Newton's method with two penalties, one on the
 * difference between neighbouring bins (so the points follow the data smoothly, as a spline would, instead of jumping
 * with the noise of a thin bin) and a small ridge that keeps the missing bins and empty ones at zero. Deterministic:
 * the same rows give the same scorecard.
 */
final class ScorecardTrainer {

    static final int BINS = 20;

    static final double SMOOTHNESS = 30.0;

    static final double RIDGE = 0.5;

    private ScorecardTrainer() {}

    static ScorecardModel fit(List<String> features, double[][] x, int[] y) {
        return fit(features, x, y, BINS, SMOOTHNESS, RIDGE);
    }

    static ScorecardModel fit(List<String> features, double[][] x, int[] y, int bins, double smoothness, double ridge) {
        int n = x.length;
        int d = features.size();
        double[][] edges = new double[d][];
        int[] offset = new int[d + 1];
        offset[0] = 1;
        for (int j = 0; j < d; j++) {
            edges[j] = edges(x, j, bins);
            // bins edges+1, then the missing bin
            offset[j + 1] = offset[j] + edges[j].length + 2;
        }
        int p = offset[d];
        int[][] active = new int[n][d + 1];
        for (int i = 0; i < n; i++) {
            active[i][0] = 0;
            for (int j = 0; j < d; j++) {
                double v = x[i][j];
                active[i][j + 1] =
                        offset[j] + (Double.isNaN(v) ? edges[j].length + 1 : ScorecardModel.bin(edges[j], v));
            }
        }
        double[][] penalty = penalty(d, edges, offset, p, smoothness, ridge);
        double[] beta = new double[p];
        double prior = (double) Arrays.stream(y).sum() / n;
        beta[0] = Math.log(prior / (1 - prior));
        double current = objective(beta, active, y, penalty);
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int i = 0; i < n; i++) {
                double q = LogisticTrainer.sigmoid(eta(beta, active[i]));
                double w = q * (1 - q);
                for (int a : active[i]) {
                    gradient[a] += y[i] - q;
                    for (int b : active[i]) {
                        hessian[a][b] += w;
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    gradient[a] -= penalty[a][b] * beta[b];
                    hessian[a][b] += penalty[a][b];
                }
            }
            double[] step = LogisticTrainer.solve(hessian, gradient);
            // Newton's step, halved until the penalised likelihood improves (a bin without a bankruptcy would
            // otherwise send its points off towards minus infinity).
            double scale = 1;
            double[] next = add(beta, step, scale);
            double value = objective(next, active, y, penalty);
            while (!(value >= current) && scale > 1e-8) {
                scale /= 2;
                next = add(beta, step, scale);
                value = objective(next, active, y, penalty);
            }
            if (!(value >= current)) {
                break;
            }
            double change = 0;
            for (int a = 0; a < p; a++) {
                change = Math.max(change, Math.abs(next[a] - beta[a]));
            }
            beta = next;
            current = value;
            if (change < 1e-9) {
                break;
            }
        }
        return centred(features, x, beta, edges, offset);
    }

    private static double eta(double[] beta, int[] active) {
        double eta = 0;
        for (int a : active) {
            eta += beta[a];
        }
        return eta;
    }

    private static double[] add(double[] beta, double[] step, double scale) {
        double[] next = new double[beta.length];
        for (int a = 0; a < beta.length; a++) {
            next[a] = beta[a] + scale * step[a];
        }
        return next;
    }

    /** The log-likelihood minus the penalty (half of beta' P beta). */
    private static double objective(double[] beta, int[][] active, int[] y, double[][] penalty) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double z = eta(beta, active[i]);
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            sum += y[i] * z - softplus;
        }
        for (int a = 0; a < beta.length; a++) {
            for (int b = 0; b < beta.length; b++) {
                sum -= 0.5 * beta[a] * penalty[a][b] * beta[b];
            }
        }
        return sum;
    }

    /** Up to BINS - 1 distinct quantiles of the present values: the upper edges of all bins but the last. */
    private static double[] edges(double[][] x, int j, int bins) {
        double[] present = Arrays.stream(x)
                .mapToDouble(r -> r[j])
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (present.length == 0) {
            return new double[0];
        }
        DoubleStream quantiles =
                IntStream.range(1, bins).mapToDouble(k -> present[(int) ((long) k * (present.length - 1) / bins)]);
        double last = present[present.length - 1];
        return quantiles.filter(v -> v < last).distinct().sorted().toArray();
    }

    /** Differences between neighbouring bins of one ratio, and a ridge on every bin; the intercept is free. */
    private static double[][] penalty(int d, double[][] edges, int[] offset, int p, double smoothness, double ridge) {
        double[][] penalty = new double[p][p];
        for (int j = 0; j < d; j++) {
            int bins = edges[j].length + 1;
            for (int b = 0; b + 1 < bins; b++) {
                int u = offset[j] + b;
                int v = u + 1;
                penalty[u][u] += smoothness;
                penalty[v][v] += smoothness;
                penalty[u][v] -= smoothness;
                penalty[v][u] -= smoothness;
            }
            for (int b = 0; b <= bins; b++) {
                penalty[offset[j] + b][offset[j] + b] += ridge;
            }
        }
        return penalty;
    }

    /** Points centred on the training rows' mean, so a ratio's points say how far it moves a company from typical. */
    private static ScorecardModel centred(
            List<String> features, double[][] x, double[] beta, double[][] edges, int[] offset) {
        int d = features.size();
        double intercept = beta[0];
        double[][] points = new double[d][];
        double[] missing = new double[d];
        for (int j = 0; j < d; j++) {
            int bins = edges[j].length + 1;
            points[j] = Arrays.copyOfRange(beta, offset[j], offset[j] + bins);
            missing[j] = beta[offset[j] + bins];
        }
        ScorecardModel raw = new ScorecardModel(features, intercept, edges, points, missing);
        double[] mean = new double[d];
        for (double[] row : x) {
            double[] c = raw.contributions(row);
            for (int j = 0; j < d; j++) {
                mean[j] += c[j] / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            final double m = mean[j];
            points[j] = Arrays.stream(points[j]).map(v -> v - m).toArray();
            missing[j] -= m;
            intercept += m;
        }
        return new ScorecardModel(features, intercept, edges, points, missing);
    }
}
