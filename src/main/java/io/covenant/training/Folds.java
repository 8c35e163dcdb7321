package io.covenant.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Stratified k-fold assignment with a fixed seed: each fold has the same share of bankruptcies. */
final class Folds {

    private Folds() {}

    static int[] stratified(int[] labels, int k, long seed) {
        int[] fold = new int[labels.length];
        Random random = new Random(seed);
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == cls) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = j % k;
            }
        }
        return fold;
    }
}
