package io.covenant.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A chunk's {@code tsvector} as PostgreSQL stored it, read from its text form ({@code 'lexeme':3,17 'other':5}), and
 * given to Lucene as tokens at the same positions, so that the keyword index holds PostgreSQL's own analysis of the
 * text, not a second one. Weights are not kept: the stored column is {@code to_tsvector} alone, every position D.
 *
 * @param lexemes the lexemes, in the vector's order
 * @param positions each lexeme's positions, ascending (empty for a lexeme stored without any)
 */
record TsVector(List<String> lexemes, List<int[]> positions) {

    static TsVector parse(String text) {
        List<String> lexemes = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        int i = 0;
        int n = text.length();
        StringBuilder lexeme = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c != '\'') {
                throw new IllegalArgumentException("Not a tsvector at " + i + ": " + text);
            }
            lexeme.setLength(0);
            i = quoted(text, i, lexeme);
            int[] at = new int[0];
            if (i < n && text.charAt(i) == ':') {
                int count = 0;
                at = new int[4];
                i++;
                while (i < n && text.charAt(i) != ' ') {
                    int value = 0;
                    while (i < n && Character.isDigit(text.charAt(i))) {
                        value = value * 10 + text.charAt(i++) - '0';
                    }
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != ' ') {
                        i++; // a weight letter
                    }
                    if (count == at.length) {
                        at = Arrays.copyOf(at, count * 2);
                    }
                    at[count++] = value;
                    if (i < n && text.charAt(i) == ',') {
                        i++;
                    }
                }
                at = Arrays.copyOf(at, count);
            }
            lexemes.add(lexeme.toString());
            positions.add(at);
        }
        return new TsVector(lexemes, positions);
    }

    /**
     * Reads a quoted lexeme starting at {@code i} (the opening quote) into {@code out}; returns the index after the
     * closing quote. PostgreSQL doubles a quote or a backslash inside a lexeme.
     */
    static int quoted(String text, int i, StringBuilder out) {
        i++;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("Unterminated lexeme: " + text);
    }

    /** PostgreSQL's {@code cnt_length}: the positions of every lexeme, one for a lexeme without positions. */
    int length() {
        int length = 0;
        for (int[] at : positions) {
            length += Math.max(1, at.length);
        }
        return length;
    }

    /** The lexemes as Lucene tokens at their PostgreSQL positions (position p becomes Lucene's p - 1). */
    TokenStream tokens() {
        List<long[]> order = new ArrayList<>();
        for (int l = 0; l < lexemes.size(); l++) {
            int[] at = positions.get(l);
            if (at.length == 0) {
                // A stripped vector's lexeme (to_tsvector always keeps positions): one token where ts_rank puts it.
                order.add(new long[] {16_383, l});
            }
            for (int p : at) {
                order.add(new long[] {p, l});
            }
        }
        order.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        return new Tokens(order, lexemes);
    }

    private static final class Tokens extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

        private final List<long[]> order;

        private final List<String> lexemes;

        private int next;

        private long last;

        Tokens(List<long[]> order, List<String> lexemes) {
            this.order = order;
            this.lexemes = lexemes;
        }

        @Override
        public boolean incrementToken() {
            if (next == order.size()) {
                return false;
            }
            clearAttributes();
            long[] token = order.get(next++);
            term.setEmpty().append(lexemes.get((int) token[1]));
            increment.setPositionIncrement((int) (token[0] - last));
            last = token[0];
            return true;
        }

        @Override
        public void reset() {
            next = 0;
            last = 0;
        }
    }
}
