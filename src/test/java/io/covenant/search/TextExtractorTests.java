package io.covenant.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Apple's 10-K (inline-XBRL HTML and edgartools' text) reduced to sections and chunks. */
class TextExtractorTests {

    static final Path SEC = Path.of("..", "shared", "data", "sec");

    static String read(String file) throws IOException {
        return Files.readString(SEC.resolve(file));
    }

    @Test
    void theTenKHtmlBecomesCleanTextWithItsItemsAsSections() throws IOException {
        ExtractedText text = TextExtractor.extract(read("10-K_AAPL_2024-11-01.html"), true);
        assertThat(text.text())
                .doesNotContain("<span")
                .doesNotContain("font-weight")
                .doesNotContain("ix:nonNumeric");
        assertThat(text.text().length()).isBetween(180_000, 300_000);
        List<String> titles =
                text.sections().stream().map(ExtractedText.Section::title).toList();
        assertThat(titles)
                .contains(
                        "Item 1. Business",
                        "Item 1A. Risk Factors",
                        "Item 7A. Quantitative and Qualitative" + " Disclosures About Market Risk");
        assertThat(titles).anyMatch(t -> t.startsWith("Item 7. Management"));
        ExtractedText.Section risks = section(text, "Item 1A. Risk Factors");
        // The body's heading, not the table of contents' line.
        assertThat(text.text().substring(risks.start(), risks.start() + 400))
                .contains("The Company’s business, reputation, results of operations");
        assertThat(risks.part()).isEqualTo("I");
    }

    @Test
    void theTenKTextGivesTheSameSections() throws IOException {
        ExtractedText text = TextExtractor.extract(read("10-K_AAPL_text.md"), false);
        List<String> titles =
                text.sections().stream().map(ExtractedText.Section::title).toList();
        assertThat(titles)
                .contains(
                        "Item 1A. Risk Factors",
                        "Item 7A. Quantitative and Qualitative Disclosures About" + " Market Risk",
                        "Item 8. Financial Statements and Supplementary Data");
    }

    @Test
    void chunksFollowSentencesStayInOneSectionAndOverlap() throws IOException {
        ExtractedText text = TextExtractor.extract(read("10-K_AAPL_2024-11-01.html"), true);
        List<Chunker.Chunk> chunks = new Chunker(1000, 200).split(text);
        assertThat(chunks).hasSizeBetween(200, 600);
        for (Chunker.Chunk c : chunks) {
            assertThat(c.content().length()).isLessThanOrEqualTo(1000);
            assertThat(text.text().substring(c.start(), c.end()).strip()).isEqualTo(c.content());
            assertThat(text.sectionAt(c.start())).isEqualTo(c.section());
            assertThat(text.sectionAt(c.end() - 1)).isEqualTo(c.section());
        }
        long overlapping = 0;
        for (int i = 1; i < chunks.size(); i++) {
            if (chunks.get(i).start() < chunks.get(i - 1).end()) {
                overlapping++;
            }
        }
        assertThat(overlapping).isGreaterThan(chunks.size() / 2);
        assertThat(chunks).extracting(Chunker.Chunk::index).isSorted();
        Chunker.Chunk risk = chunks.stream()
                .filter(c -> c.content().contains("the Company is subject to significant supply and pricing risks"))
                .findFirst()
                .orElseThrow();
        assertThat(risk.section().title()).isEqualTo("Item 1A. Risk Factors");
    }

    private static ExtractedText.Section section(ExtractedText text, String title) {
        return text.sections().stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow();
    }
}
