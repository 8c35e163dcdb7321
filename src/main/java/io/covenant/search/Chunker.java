package io.covenant.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into chunks of about {@code size} characters along paragraph and then sentence boundaries (a sentence
 * longer than a chunk is cut at a space), never across a section, each chunk starting with the last {@code overlap}
 * characters' worth of sentences of the one before it.
 */
final class Chunker {

    private static final Pattern SENTENCE_END =
            Pattern.compile("(?<=[.!?;:])[\"')\\]]*\\s+(?=[\\p{Lu}\\d\"'(\\[\u201c])");

    private final int size;

    private final int overlap;

    Chunker(int size, int overlap) {
        if (size < 100 || overlap < 0 || overlap >= size / 2) {
            throw new IllegalArgumentException("chunk size must be >= 100 and overlap below half of it");
        }
        this.size = size;
        this.overlap = overlap;
    }

    /** A piece of the text: its offsets in it, and the section it belongs to. */
    record Chunk(int index, String content, int start, int end, ExtractedText.Section section) {

        int tokenCount() {
            return content.isBlank() ? 0 : content.trim().split("\\s+").length;
        }
    }

    List<Chunk> split(ExtractedText extracted) {
        String text = extracted.text();
        List<int[]> sentences = sentences(text);
        List<Chunk> chunks = new ArrayList<>();
        List<int[]> current = new ArrayList<>();
        ExtractedText.Section currentSection = null;
        for (int[] sentence : sentences) {
            ExtractedText.Section section = extracted.sectionAt(sentence[0]);
            boolean newSection = !current.isEmpty() && section != currentSection;
            if (!current.isEmpty() && (newSection || sentence[1] - current.get(0)[0] > size)) {
                chunks.add(chunk(chunks.size(), text, current, currentSection));
                current = newSection ? new ArrayList<>() : tail(current, sentence);
            }
            current.add(sentence);
            currentSection = section;
        }
        if (!current.isEmpty()) {
            chunks.add(chunk(chunks.size(), text, current, currentSection));
        }
        return chunks;
    }

    /** The last sentences, within {@code overlap} characters, that carry over into the chunk {@code next} starts. */
    private List<int[]> tail(List<int[]> sentences, int[] next) {
        List<int[]> kept = new ArrayList<>();
        for (int i = sentences.size() - 1; i > 0; i--) {
            int[] s = sentences.get(i);
            if (sentences.get(sentences.size() - 1)[1] - s[0] > overlap || next[1] - s[0] > size) {
                break;
            }
            kept.add(0, s);
        }
        return kept;
    }

    private static Chunk chunk(int index, String text, List<int[]> sentences, ExtractedText.Section section) {
        int start = sentences.get(0)[0];
        int end = sentences.get(sentences.size() - 1)[1];
        return new Chunk(index, text.substring(start, end).strip(), start, end, section);
    }

    /** Sentence spans [start, end) within paragraphs; a long run without an end is cut at spaces near the size. */
    private List<int[]> sentences(String text) {
        List<int[]> spans = new ArrayList<>();
        int paragraphStart = 0;
        while (paragraphStart < text.length()) {
            int paragraphEnd = text.indexOf("\n\n", paragraphStart);
            if (paragraphEnd < 0) {
                paragraphEnd = text.length();
            }
            int start = paragraphStart;
            Matcher m = SENTENCE_END.matcher(text).region(paragraphStart, paragraphEnd);
            while (m.find()) {
                cut(text, start, m.start(), spans);
                start = m.end();
            }
            cut(text, start, paragraphEnd, spans);
            paragraphStart = paragraphEnd + 2;
        }
        return spans;
    }

    private void cut(String text, int start, int end, List<int[]> spans) {
        while (end - start > size) {
            int at = text.lastIndexOf(' ', start + size);
            if (at <= start) {
                at = start + size;
            }
            spans.add(new int[] {start, at});
            start = at + 1;
        }
        if (end > start && !text.substring(start, end).isBlank()) {
            spans.add(new int[] {start, end});
        }
    }
}
