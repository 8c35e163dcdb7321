package io.covenant.search;

/**
 * PostgreSQL's {@code ts_rank(vector, query, 1 | 32)} computed from a chunk's positions of the query's lexemes, step
 * for step as {@code tsrank.c} does (float where it uses float), so that a ranking computed over the Lucene copy of
 * the vectors equals the one PostgreSQL returns, ties included. Every position has weight D (0.1): the stored
 * vectors are {@code to_tsvector} alone.
 */
final class TsRank {

    private static final float WEIGHT = 0.1f;

    /** {@code word_distance} for distances 0 to 100; anything farther weighs 1e-30. */
    private static final float[] DISTANCE = new float[101];

    static {
        for (int w = 0; w <= 100; w++) {
            DISTANCE[w] = (float) (1.0 / (1.005 + 0.05 * Math.exp(((float) w) / 1.5 - 2)));
        }
    }

    private TsRank() {}

    /**
     * @param positions for each of the query's lexemes in {@link TsQuery#lexemes} order, its positions in the chunk
     *     (ascending), or null when the chunk lacks it
     * @param counts how many of each lexeme's positions are used
     * @param length the vector's {@code cnt_length}
     * @param conjunctive whether the query's top operator is AND or a phrase
     */
    static float rank(int[][] positions, int[] counts, int length, boolean conjunctive) {
        if (length == 0 || positions.length == 0) {
            return 0f;
        }
        float res = conjunctive && positions.length >= 2 ? and(positions, counts) : or(positions, counts);
        if (res < 0) {
            res = 1e-20f;
        }
        res = (float) (res / (Math.log((double) (length + 1)) / Math.log(2.0)));
        res /= (res + 1);
        return res;
    }

    private static float and(int[][] positions, int[] counts) {
        float res = -1f;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] == null) {
                continue;
            }
            int[] post = positions[i];
            for (int k = 0; k < i; k++) {
                if (positions[k] == null) {
                    continue;
                }
                int[] ct = positions[k];
                for (int l = 0; l < counts[i]; l++) {
                    for (int p = 0; p < counts[k]; p++) {
                        int dist = Math.abs(post[l] - ct[p]);
                        if (dist != 0) {
                            float curw = (float) Math.sqrt(WEIGHT * WEIGHT * distance(dist));
                            res = res < 0 ? curw : (float) (1.0 - (1.0 - res) * (1.0 - curw));
                        }
                    }
                }
            }
        }
        return res;
    }

    private static float or(int[][] positions, int[] counts) {
        float res = 0f;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] == null) {
                continue;
            }
            float resj = 0f;
            float wjm = -1f;
            int jm = 0;
            for (int j = 0; j < counts[i]; j++) {
                resj = resj + WEIGHT / ((j + 1) * (j + 1));
                if (WEIGHT > wjm) {
                    wjm = WEIGHT;
                    jm = j;
                }
            }
            res = (float) (res + (wjm + resj - wjm / ((jm + 1) * (jm + 1))) / 1.64493406685);
        }
        return res / positions.length;
    }

    private static float distance(int w) {
        return w > 100 ? 1e-30f : DISTANCE[w];
    }
}
