package io.covenant.search;

import java.util.List;

/**
 * A document's text and where its sections start. A section of an SEC filing is a numbered item ({@code item} "1A",
 * titled "Item 1A. Risk Factors") within its part; other documents take their headings as sections.
 */
record ExtractedText(String text, List<Section> sections) {

    record Section(int start, String title, String part, String item) {}

    /** The section a position of the text falls in, or null before the first. */
    Section sectionAt(int position) {
        Section current = null;
        for (Section s : sections) {
            if (s.start() > position) {
                break;
            }
            current = s;
        }
        return current;
    }
}
