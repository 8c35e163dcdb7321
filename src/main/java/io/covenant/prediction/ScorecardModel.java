package io.covenant.prediction;

import java.util.Arrays;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * A scorecard: each ratio falls into one of its bins (quantiles of the training rows, plus a bin of its own for a
 * missing value) and the bin gives points on the log-odds scale. The log-odds are the intercept plus the points of
 * each ratio, which is how the reasons are reported, as credit teams state adverse-action reasons.
 */
@NamedInterface("model")
public record ScorecardModel(
        List<String> features, double intercept, double[][] edges, double[][] points, double[] missingPoints) {

    /** The bin of a present value: bin {@code b} holds values in ({@code edges[b-1]}, {@code edges[b]}]. */
    public static int bin(double[] edges, double value) {
        int i = Arrays.binarySearch(edges, value);
        return i >= 0 ? i : -i - 1;
    }

    /** The points of each ratio (NaN for a missing one). */
    public double[] contributions(double[] raw) {
        double[] c = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            c[j] = Double.isNaN(raw[j]) ? missingPoints[j] : points[j][bin(edges[j], raw[j])];
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
