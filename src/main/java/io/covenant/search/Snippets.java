package io.covenant.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A hit's snippet: up to two passages of the chunk where the query's words are densest, HTML-escaped, the words in
 * {@code <mark>}. The query's lexemes come from PostgreSQL's own parse of the query; the chunk's words are stemmed
 * here with the same Snowball English stemmer PostgreSQL's {@code english} configuration uses. PostgreSQL's
 * {@code ts_headline} did the same at about 0.3 ms a chunk, most of the time of reading ten hits back.
 */
final class Snippets {

    /** Words in a passage, as {@code ts_headline}'s MaxWords=45 over two fragments did roughly. */
    static final int WINDOW = 22;

    static final int FRAGMENTS = 2;

    private Snippets() {}

    record Word(int start, int end, boolean match) {}

    static String of(String content, Set<String> lexemes) {
        List<Word> words = words(content, lexemes);
        if (words.isEmpty()) {
            return "";
        }
        List<int[]> passages = passages(words);
        StringBuilder out = new StringBuilder(content.length() / 2);
        for (int[] passage : passages) {
            if (!out.isEmpty()) {
                out.append(" ... ");
            }
            for (int i = passage[0]; i < passage[1]; i++) {
                Word w = words.get(i);
                if (i > passage[0]) {
                    escape(content, words.get(i - 1).end(), w.start(), out);
                }
                out.append(w.match() ? "<mark>" : "");
                escape(content, w.start(), w.end(), out);
                out.append(w.match() ? "</mark>" : "");
            }
            Word last = words.get(passage[1] - 1);
            int tail = last.end();
            while (tail < content.length() && ".,;:!?)%\"'".indexOf(content.charAt(tail)) >= 0) {
                tail++;
            }
            escape(content, last.end(), tail, out);
        }
        return out.toString();
    }

    private static List<Word> words(String content, Set<String> lexemes) {
        // A Snowball English stem is the word's beginning, but for its last letter (y to i, ies to ie) and three
        // -ying words (dying: die), so only words that begin like a lexeme are stemmed: stemming every word was
        // most of the cost of a snippet.
        List<String> prefixes = new ArrayList<>(lexemes.size());
        for (String lexeme : lexemes) {
            prefixes.add(
                    lexeme.length() > 2 && lexeme.endsWith("ie")
                            ? lexeme.substring(0, 1)
                            : lexeme.substring(0, Math.max(1, lexeme.length() - 1)));
        }
        EnglishStemmer stemmer = new EnglishStemmer();
        Map<String, Boolean> seen = new HashMap<>();
        List<Word> words = new ArrayList<>(content.length() / 5);
        int i = 0;
        int n = content.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(content.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(content.charAt(i))) {
                i++;
            }
            if (i > start) {
                boolean match = false;
                if (beginsLikeOneOf(content, start, i, prefixes)) {
                    match = seen.computeIfAbsent(content.substring(start, i).toLowerCase(Locale.ROOT), word -> {
                        stemmer.setCurrent(word);
                        stemmer.stem();
                        return lexemes.contains(stemmer.getCurrent());
                    });
                }
                words.add(new Word(start, i, match));
            }
        }
        return words;
    }

    private static boolean beginsLikeOneOf(String content, int start, int end, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (prefix.length() <= end - start && content.regionMatches(true, start, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /** The best non-overlapping windows by matched words, in text order; the opening words when nothing matches. */
    private static List<int[]> passages(List<Word> words) {
        int size = Math.min(WINDOW, words.size());
        int[] prefix = new int[words.size() + 1];
        for (int i = 0; i < words.size(); i++) {
            prefix[i + 1] = prefix[i] + (words.get(i).match() ? 1 : 0);
        }
        List<int[]> chosen = new ArrayList<>(FRAGMENTS);
        for (int f = 0; f < FRAGMENTS; f++) {
            int best = -1;
            int bestCount = 0;
            for (int s = 0; s + size <= words.size(); s++) {
                int count = prefix[s + size] - prefix[s];
                if (count > bestCount && !overlaps(chosen, s, s + size)) {
                    best = s;
                    bestCount = count;
                }
            }
            if (best < 0) {
                break;
            }
            // Start a little before the first match, so the marked word has some context on its left.
            int first = best;
            while (!words.get(first).match()) {
                first++;
            }
            int shifted = Math.max(0, Math.min(first - 3, words.size() - size));
            int start = overlaps(chosen, shifted, shifted + size) ? best : shifted;
            chosen.add(new int[] {start, start + size});
        }
        if (chosen.isEmpty()) {
            chosen.add(new int[] {0, size});
        }
        chosen.sort(Comparator.comparingInt(c -> c[0]));
        return chosen;
    }

    private static boolean overlaps(List<int[]> chosen, int from, int to) {
        for (int[] c : chosen) {
            if (from < c[1] && c[0] < to) {
                return true;
            }
        }
        return false;
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }
}
