package io.covenant.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.springframework.modulith.NamedInterface;

/**
 * A LightGBM model's trees compiled into flat arrays (as lleaves and treelite do) and scored in Java. It follows
 * LightGBM's own numerical decision (missing values by the node's missing type and default direction, then {@code
 * value <= threshold}) and sums the trees in their order, so its raw scores are LightGBM's, bit for bit.
 *
 * <p>Two ways through the same trees. The exact walk goes row by row, node by node, with the missing-value rules at
 * every node. Batches take the block path (QuickScorer, Lucchese et al. 2015, one tree at a time): a row's exit leaf
 * is the leftmost leaf that no node it fails excludes, so every node of a tree is tested on a block of rows with no
 * branch and no walk, each failing node clearing its left subtree's bits in the row's leaf mask. Values are first
 * replaced by their rank among the thresholds of their feature, which turns {@code x > threshold} into a subtraction
 * of longs that the JIT vectorises. A row needs the missing-value rules only if a value is NaN, or is zero where a
 * node's missing type is Zero; such rows take the exact walk. Tested per node, a tree costs a row one test per node;
 * so each tree also gets, per feature it uses, a table by rank of the AND of the masks of its nodes on that feature
 * that the rank fails, and a row's leaf mask becomes the AND of one entry per feature (the same mask, so the same leaf).
 */
@NamedInterface("model")
public final class CompiledTrees {

    // LightGBM compares with the float 1e-35f widened to double.
    private static final double ZERO = 1e-35f;

    private static final int DEFAULT_LEFT = 2;

    private static final int MISSING_ZERO = 1;

    private static final int MISSING_NAN = 2;

    /** Rows per block: one tree's nodes and the block's ranks and masks stay in the first-level cache. */
    private static final int BLOCK = 256;

    /** Below this many rows a batch is not split across threads. */
    private static final int SPLIT = 8 * BLOCK;

    private final int[] roots;

    private final int[] feature;

    private final double[] threshold;

    private final byte[] decision;

    private final int[] left;

    private final int[] right;

    private final double[] leafValue;

    private final int features;

    /** Per feature: does any node treat a zero of it as missing (missing type Zero)? */
    private final boolean[] zeroMissing;

    /** Per feature, the distinct thresholds of its nodes in ascending order. */
    private final double[][] cuts;

    /** Tree {@code t}'s nodes are {@code treeNodes[t]} to {@code treeNodes[t + 1]}, its leaves from leafStart. */
    private final int[] treeNodes;

    private final int[] treeLeaves;

    private final int[] nodeFeature;

    /** A node's threshold as its rank among its feature's cuts. */
    private final int[] nodeRank;

    /** Every leaf bit except those of the node's left subtree (leaves numbered left to right within the tree). */
    private final int[] nodeMask;

    private final double[] orderedLeaf;

    /** Trees of more than 32 leaves do not fit a mask: then every row takes the exact walk. */
    private final boolean blocks;

    /** Largest total of rank tables (ints, 10 MB) before a model keeps the node tests. */
    private static final int TABLE_LIMIT = 10 << 18;

    /** Tree {@code t}'s features are {@code tableFeature[treeTables[t]]} to before {@code treeTables[t + 1]}. */
    private final int[] treeTables;

    private final int[] tableFeature;

    /** Where a (tree, feature) table starts in {@code tables}. */
    private final int[] tableStart;

    /**
     * Per tree and feature it uses, indexed by a value's rank: the AND of the masks of that tree's nodes on that
     * feature that the rank fails, so a row's leaf mask is the AND of one entry per feature. Null when too large.
     */
    private final int[] tables;

    private CompiledTrees(int features, List<Map<String, String>> trees) {
        this.features = features;
        int nodes = 0;
        int leaves = 0;
        int widest = 0;
        for (Map<String, String> tree : trees) {
            int n = Integer.parseInt(tree.get("num_leaves"));
            if (!"0".equals(tree.getOrDefault("num_cat", "0"))) {
                throw new IllegalArgumentException("Categorical splits are not supported");
            }
            leaves += n;
            nodes += n - 1;
            widest = Math.max(widest, n);
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
        zeroMissing = new boolean[features];
        List<TreeSet<Double>> distinct = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            distinct.add(new TreeSet<>());
        }
        for (int k = 0; k < nodes; k++) {
            zeroMissing[feature[k]] |= ((decision[k] >> 2) & 3) == MISSING_ZERO;
            // -0 and +0 are one threshold to a comparison.
            distinct.get(feature[k]).add(threshold[k] + 0.0);
        }
        cuts = new double[features][];
        for (int j = 0; j < features; j++) {
            cuts[j] = distinct.get(j).stream().mapToDouble(Double::doubleValue).toArray();
        }
        blocks = widest <= 32 && Arrays.stream(cuts).allMatch(c -> c.length < Short.MAX_VALUE);
        treeNodes = new int[roots.length + 1];
        treeLeaves = new int[roots.length + 1];
        nodeFeature = new int[nodes];
        nodeRank = new int[nodes];
        nodeMask = new int[nodes];
        orderedLeaf = new double[leaves];
        if (blocks) {
            int[] next = new int[2];
            for (int t = 0; t < roots.length; t++) {
                number(roots[t], next, next[1]);
                treeNodes[t + 1] = next[0];
                treeLeaves[t + 1] = next[1];
            }
        }
        treeTables = new int[roots.length + 1];
        List<Integer> used = new ArrayList<>();
        long size = 0;
        for (int t = 0; blocks && t < roots.length; t++) {
            TreeSet<Integer> own = new TreeSet<>();
            for (int node = treeNodes[t]; node < treeNodes[t + 1]; node++) {
                own.add(nodeFeature[node]);
            }
            for (int f : own) {
                used.add(f);
                size += cuts[f].length + 1;
            }
            treeTables[t + 1] = used.size();
        }
        tableFeature = used.stream().mapToInt(Integer::intValue).toArray();
        tableStart = new int[tableFeature.length];
        tables = blocks && size <= TABLE_LIMIT ? rankTables((int) size) : null;
    }

    private int[] rankTables(int size) {
        int[] all = new int[size];
        Arrays.fill(all, -1);
        int at = 0;
        for (int t = 0; t < roots.length; t++) {
            for (int i = treeTables[t]; i < treeTables[t + 1]; i++) {
                int f = tableFeature[i];
                tableStart[i] = at;
                for (int node = treeNodes[t]; node < treeNodes[t + 1]; node++) {
                    if (nodeFeature[node] == f) {
                        // A node fails every rank above its own.
                        for (int r = nodeRank[node] + 1; r <= cuts[f].length; r++) {
                            all[at + r] &= nodeMask[node];
                        }
                    }
                }
                at += cuts[f].length + 1;
            }
        }
        return all;
    }

    /** Numbers the leaves under {@code node} left to right and records its masks; returns the bits of its leaves. */
    private int number(int node, int[] next, int firstLeaf) {
        if (node < 0) {
            orderedLeaf[next[1]] = leafValue[-1 - node];
            return 1 << (next[1]++ - firstLeaf);
        }
        int at = next[0]++;
        int leftLeaves = number(left[node], next, firstLeaf);
        int rightLeaves = number(right[node], next, firstLeaf);
        nodeFeature[at] = feature[node];
        nodeRank[at] = Arrays.binarySearch(cuts[feature[node]], threshold[node] + 0.0);
        nodeMask[at] = ~leftLeaves;
        return leftLeaves | rightLeaves;
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

    /** Raw scores of many rows (row-major, {@code features} per row), on the calling thread. */
    public double[] raw(double[] rows, int count) {
        double[] out = new double[count];
        raw(rows, 0, count, out);
        return out;
    }

    /**
     * Raw scores of many rows split across the common fork-join pool and the calling thread (on a two-core machine,
     * two threads); the same numbers as {@link #raw(double[], int)}.
     */
    public double[] rawParallel(double[] rows, int count) {
        double[] out = new double[count];
        ForkJoinPool.commonPool().invoke(new Split(rows, 0, count, out));
        return out;
    }

    /** Raw scores by the exact walk alone, row by row: what the block path must reproduce. */
    double[] rawExact(double[] rows, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = rowAt(rows, i * features);
        }
        return out;
    }

    /** Rows {@code from} to {@code to} into the same positions of {@code out}, a block at a time. */
    private void raw(double[] rows, int from, int to, double[] out) {
        if (!blocks) {
            for (int i = from; i < to; i++) {
                out[i] = rowAt(rows, i * features);
            }
            return;
        }
        int[] plain = new int[BLOCK];
        short[] ranks = new short[features * BLOCK];
        int[] masks = new int[BLOCK];
        double[] sums = new double[BLOCK];
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            int n = 0;
            for (int i = start; i < end; i++) {
                if (isPlain(rows, i * features)) {
                    plain[n++] = i;
                } else {
                    out[i] = rowAt(rows, i * features);
                }
            }
            for (int j = 0; j < features; j++) {
                double[] c = cuts[j];
                for (int k = 0; k < n; k++) {
                    ranks[j * BLOCK + k] = (short) below(c, rows[plain[k] * features + j]);
                }
            }
            block(ranks, n, masks, sums);
            for (int k = 0; k < n; k++) {
                out[plain[k]] = sums[k];
            }
        }
    }

    /**
     * The block's sums, tree by tree in the model's order (so each row's sum is the exact walk's): a row fails a node
     * when its rank exceeds the node's, that is when {@code x > threshold}, and the sign bit of {@code rank - x rank}
     * says so without a branch.
     */
    private void block(short[] ranks, int n, int[] masks, double[] sums) {
        if (tables != null) {
            lookUp(ranks, n, masks, sums);
            return;
        }
        Arrays.fill(sums, 0, n, 0);
        for (int t = 0; t < roots.length; t++) {
            Arrays.fill(masks, 0, n, -1);
            for (int node = treeNodes[t]; node < treeNodes[t + 1]; node++) {
                int at = nodeFeature[node] * BLOCK;
                int above = nodeRank[node] + 1;
                int mask = nodeMask[node];
                for (int k = 0; k < n; k++) {
                    masks[k] &= mask | ((ranks[at + k] - above) >> 31);
                }
            }
            int first = treeLeaves[t];
            for (int k = 0; k < n; k++) {
                sums[k] += orderedLeaf[first + Integer.numberOfTrailingZeros(masks[k])];
            }
        }
    }

    /** The block's sums by the rank tables: one load and AND per row, tree and feature instead of one per node. */
    private void lookUp(short[] ranks, int n, int[] masks, double[] sums) {
        Arrays.fill(sums, 0, n, 0);
        for (int t = 0; t < roots.length; t++) {
            Arrays.fill(masks, 0, n, -1);
            for (int i = treeTables[t]; i < treeTables[t + 1]; i++) {
                int at = tableFeature[i] * BLOCK;
                int start = tableStart[i];
                for (int k = 0; k < n; k++) {
                    masks[k] &= tables[start + ranks[at + k]];
                }
            }
            int first = treeLeaves[t];
            for (int k = 0; k < n; k++) {
                sums[k] += orderedLeaf[first + Integer.numberOfTrailingZeros(masks[k])];
            }
        }
    }

    /** How many of the ascending {@code cuts} are below {@code x} (not NaN), searched with no branch on the data. */
    private static int below(double[] cuts, double x) {
        int base = 0;
        int length = cuts.length;
        if (length == 0) {
            return 0;
        }
        while (length > 1) {
            int half = length >>> 1;
            base = cuts[base + half - 1] < x ? base + half : base;
            length -= half;
        }
        return base + (cuts[base] < x ? 1 : 0);
    }

    /** A row none of whose values the nodes treat as missing: no NaN, and no zero where a node's missing type is Zero. */
    private boolean isPlain(double[] rows, int at) {
        for (int j = 0; j < features; j++) {
            double v = rows[at + j];
            if (v != v || (zeroMissing[j] && v >= -ZERO && v <= ZERO)) {
                return false;
            }
        }
        return true;
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

    /** Halves a batch down to a few blocks per task. */
    private final class Split extends RecursiveAction {

        private final double[] rows;

        private final int from;

        private final int to;

        private final double[] out;

        Split(double[] rows, int from, int to, double[] out) {
            this.rows = rows;
            this.from = from;
            this.to = to;
            this.out = out;
        }

        @Override
        protected void compute() {
            if (to - from <= SPLIT) {
                raw(rows, from, to, out);
                return;
            }
            int middle = from + (to - from) / 2 / BLOCK * BLOCK;
            invokeAll(new Split(rows, from, middle, out), new Split(rows, middle, to, out));
        }
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
