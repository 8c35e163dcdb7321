package io.covenant.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SnippetsTests {

    @Test
    void marksEveryFormOfTheQueryWordsByTheirStem() {
        String snippet = Snippets.of(
                "The Company depends on supplies. Supply chains are concentrated in Asia.", Set.of("suppli", "chain"));

        assertThat(snippet)
                .isEqualTo(
                        "The Company depends on <mark>supplies</mark>. <mark>Supply</mark> <mark>chains</mark> are concentrated in Asia.");
    }

    @Test
    void marksWordsWhoseStemChangesTheirEnding() {
        assertThat(Snippets.of(
                        "Skies darken; a dying market; easily applied.", Set.of("sky", "die", "easili", "appli")))
                .isEqualTo(
                        "<mark>Skies</mark> darken; a <mark>dying</mark> market; <mark>easily</mark> <mark>applied</mark>.");
    }

    @Test
    void escapesTheTextAroundTheMarks() {
        assertThat(Snippets.of("Risk <b>&</b> \"reward\"", Set.of("risk")))
                .isEqualTo("<mark>Risk</mark> &lt;b&gt;&amp;&lt;/b&gt; &quot;reward&quot;");
    }

    @Test
    void picksThePassagesWhereTheWordsAreDensestAndJoinsThem() {
        String filler = "lorem ipsum dolor sit amet ".repeat(20);
        String snippet = Snippets.of(
                filler + "foreign currency exchange rates moved. " + filler + "Currency risk is hedged. " + filler,
                Set.of("currenc", "exchang"));

        assertThat(snippet)
                .contains("<mark>currency</mark> <mark>exchange</mark>")
                .contains(" ... ")
                .contains("<mark>Currency</mark> risk");
        assertThat(snippet.split(" \\.\\.\\. ")).hasSize(2);
        assertThat(snippet.split(" ").length).isLessThan(2 * Snippets.WINDOW + 10);
    }

    @Test
    void opensTheChunkWhenNoWordMatches() {
        assertThat(Snippets.of("Net sales rose in every segment.", Set.of("tariff")))
                .isEqualTo("Net sales rose in every segment.");
    }
}
