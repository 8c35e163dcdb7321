package io.covenant.training;

import io.covenant.prediction.ModelArtifact.Distribution;
import io.covenant.prediction.Ratio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** The training distribution of each ratio, in deciles, that the drift dashboard compares scored populations with. */
final class Distributions {

    static final int BINS = 10;

    private Distributions() {}

    static List<Distribution> of(List<Ratio> ratios, double[][] x) {
        List<Distribution> result = new ArrayList<>();
        for (int j = 0; j < ratios.size(); j++) {
            final int col = j;
            double[] present = Arrays.stream(x)
                    .mapToDouble(r -> r[col])
                    .filter(v -> !Double.isNaN(v))
                    .sorted()
                    .toArray();
            double[] edges = IntStream.range(1, BINS)
                    .mapToDouble(k -> present[(int) ((long) k * present.length / BINS)])
                    .filter(v -> v > present[0])
                    .distinct()
                    .toArray();
            double[] shares = new double[edges.length + 2];
            for (double v : present) {
                shares[bucket(edges, v)] += 1.0 / x.length;
            }
            shares[edges.length + 1] = (double) (x.length - present.length) / x.length;
            result.add(new Distribution(ratios.get(j).key(), edges, shares, present[0], present[present.length - 1]));
        }
        return result;
    }

    /** PostgreSQL's {@code width_bucket(value, edges)}: how many edges are at or below the value. */
    static int bucket(double[] edges, double value) {
        int count = 0;
        while (count < edges.length && edges[count] <= value) {
            count++;
        }
        return count;
    }
}
