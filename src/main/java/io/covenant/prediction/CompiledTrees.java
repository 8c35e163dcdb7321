package io.covenant.prediction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A LightGBM model's trees compiled into flat arrays (as lleaves and treelite do) and walked in Java: one array per
 * node field across every tree, children as absolute indices (a leaf as {@code -1 - leaf}). It follows LightGBM's own
 * numerical decision (missing values by the node's missing type and default direction, then {@code value <=
 * threshold}) and sums the trees in their order, so its raw scores are LightGBM's; no native call, no copy of the rows.
 */
public final class CompiledTrees {

    // LightGBM compares with the float 1e-35f widened to double.
    private static final double ZERO = 1e-35f;

    private static final int DEFAULT_LEFT = 2;

    private static final int MISSING_ZERO = 1;

    private static final int MISSING_NAN = 2;

    private final int[] roots;

    private final int[] feature;

    private final double[] threshold;

    private final byte[] decision;

    private final int[] left;

    private final int[] right;

    private final double[] leafValue;

    private final int features;

    private CompiledTrees(int features, List<Map<String, String>> trees) {
        this.features = features;
        int nodes = 0;
        int leaves = 0;
        for (Map<String, String> tree : trees) {
            int n = Integer.parseInt(tree.get("num_leaves"));
            if (!"0".equals(tree.getOrDefault("num_cat", "0"))) {
                throw new IllegalArgumentException("Categorical splits are not supported");
            }
            leaves += n;
            nodes += n - 1;
        }
        roots = new int[trees.size()];
        feature = new int[nodes];
        threshold = new double[nodes];
        decision = new byte[nodes];
        left = new int[nodes];
        right = new int[nodes];
        leafValue = new double[leaves];
        int nodeBase = 0;
        int leafBase = 0;
        for (int t = 0; t < trees.size(); t++) {
            Map<String, String> tree = trees.get(t);
            int n = Integer.parseInt(tree.get("num_leaves"));
            double[] values = doubles(tree.get("leaf_value"));
            System.arraycopy(values, 0, leafValue, leafBase, n);
            if (n == 1) {
                roots[t] = -1 - leafBase;
            } else {
                roots[t] = nodeBase;
                int[] f = ints(tree.get("split_feature"));
                double[] th = doubles(tree.get("threshold"));
                int[] dt = ints(tree.get("decision_type"));
                int[] l = ints(tree.get("left_child"));
                int[] r = ints(tree.get("right_child"));
                for (int k = 0; k < n - 1; k++) {
                    feature[nodeBase + k] = f[k];
                    threshold[nodeBase + k] = th[k];
                    decision[nodeBase + k] = (byte) dt[k];
                    left[nodeBase + k] = l[k] >= 0 ? nodeBase + l[k] : -1 - (leafBase + ~l[k]);
                    right[nodeBase + k] = r[k] >= 0 ? nodeBase + r[k] : -1 - (leafBase + ~r[k]);
                }
            }
            nodeBase += n - 1;
            leafBase += n;
        }
    }

    /** Compiles the trees of a model in LightGBM's text form. */
    public static CompiledTrees of(String modelText, int features) {
        List<Map<String, String>> trees = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : modelText.split("\n")) {
            if (line.startsWith("Tree=")) {
                current = new HashMap<>();
                trees.add(current);
            } else if (line.startsWith("end of trees")) {
                break;
            } else if (current != null && line.indexOf('=') > 0) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return new CompiledTrees(features, trees);
    }

    /** The raw score (log-odds) of one row. */
    public double raw(double[] x) {
        return rowAt(x, 0);
    }

    /** Raw scores of many rows (row-major, {@code features} per row). */
    public double[] raw(double[] rows, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = rowAt(rows, i * features);
        }
        return out;
    }

    private double rowAt(double[] rows, int at) {
        double sum = 0;
        for (int root : roots) {
            int node = root;
            while (node >= 0) {
                node = next(node, rows[at + feature[node]]);
            }
            sum += leafValue[-1 - node];
        }
        return sum;
    }

    private int next(int node, double value) {
        int type = decision[node];
        int missing = (type >> 2) & 3;
        if (Double.isNaN(value) && missing != MISSING_NAN) {
            value = 0;
        }
        if ((missing == MISSING_ZERO && value >= -ZERO && value <= ZERO)
                || (missing == MISSING_NAN && Double.isNaN(value))) {
            return (type & DEFAULT_LEFT) != 0 ? left[node] : right[node];
        }
        return value <= threshold[node] ? left[node] : right[node];
    }

    private static double[] doubles(String list) {
        String[] parts = list.split(" ");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(parts[i]);
        }
        return v;
    }

    /** A number as LightGBM writes it, which spells infinities {@code inf} and {@code -inf}. */
    private static double number(String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static int[] ints(String list) {
        String[] parts = list.split(" ");
        int[] v = new int[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Integer.parseInt(parts[i]);
        }
        return v;
    }
}
