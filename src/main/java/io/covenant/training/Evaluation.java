package io.covenant.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** ROC-AUC, PR-AUC (average precision), Brier score and a ten-bin calibration table. */
final class Evaluation {

    record Bin(double from, double to, int count, double meanPredicted, double observedRate) {}

    record Scores(double rocAuc, double prAuc, double brier, List<Bin> calibration) {}

    private Evaluation() {}

    static Scores of(double[] probabilities, int[] labels) {
        return new Scores(
                rocAuc(probabilities, labels),
                averagePrecision(probabilities, labels),
                brier(probabilities, labels),
                calibration(probabilities, labels));
    }

    /** Mann-Whitney: the chance a random bankrupt company scores above a random healthy one (ties count half). */
    static double rocAuc(double[] p, int[] y) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double rankSum = 0;
        long positives = Arrays.stream(y).filter(v -> v == 1).count();
        long negatives = y.length - positives;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSum += averageRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    static double averagePrecision(double[] p, int[] y) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        long positives = Arrays.stream(y).filter(v -> v == 1).count();
        double truePositives = 0;
        double sum = 0;
        for (int k = 0; k < order.length; k++) {
            if (y[order[k]] == 1) {
                truePositives++;
                sum += truePositives / (k + 1);
            }
        }
        return sum / positives;
    }

    static double brier(double[] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += (p[i] - y[i]) * (p[i] - y[i]);
        }
        return sum / p.length;
    }

    /** Ten bins of equal count, from the lowest predictions to the highest. */
    static List<Bin> calibration(double[] p, int[] y) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            int from = b * p.length / 10;
            int to = (b + 1) * p.length / 10;
            double predicted = 0;
            double observed = 0;
            for (int k = from; k < to; k++) {
                predicted += p[order[k]];
                observed += y[order[k]];
            }
            int count = to - from;
            bins.add(new Bin(p[order[from]], p[order[to - 1]], count, predicted / count, observed / count));
        }
        return bins;
    }
}
