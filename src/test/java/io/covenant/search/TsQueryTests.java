package io.covenant.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TsQueryTests {

    @Test
    void phrasesNegationAndAlternativesBecomeTheLuceneQueryOfTheSameMatches() {
        assertThat(lucene("'suppli' <-> 'chain' & !'china'")).isEqualTo("#lexemes:\"suppli chain\" -lexemes:china");
        assertThat(lucene("'share' <3> 'program'")).isEqualTo("lexemes:\"share ? ? program\"");
        assertThat(lucene("'iphon' | 'mac'")).isEqualTo("(lexemes:iphon lexemes:mac)~1");
        assertThat(lucene("!'risk'")).isEqualTo("#*:* -lexemes:risk");
    }

    @Test
    void whatLuceneCannotSayIsLeftToPostgresql() {
        assertThat(TsQuery.lucene(TsQuery.parse("'suppl':*"), "lexemes")).isEmpty();
        assertThat(TsQuery.lucene(TsQuery.parse("'risk':A & 'tax'"), "lexemes")).isEmpty();
        assertThat(TsQuery.lucene(TsQuery.parse("'a' <-> ( 'b' | 'c' )"), "lexemes"))
                .isEmpty();
        assertThatThrownBy(() -> TsQuery.parse("'a' & ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rankingLexemesAreUniqueInPostgresqlsByteOrder() {
        TsQuery.Node root = TsQuery.parse("'b' & 'ab' & ( 'a' | !'b' ) & 'é' & 'z'");
        assertThat(TsQuery.lexemes(root)).containsExactly("a", "ab", "b", "z", "é");
        assertThat(TsQuery.conjunctive(root)).isTrue();
        assertThat(TsQuery.conjunctive(TsQuery.parse("'a' | 'b'"))).isFalse();
        assertThat(TsQuery.parse("")).isNull();
    }

    private static String lucene(String tsquery) {
        return TsQuery.lucene(TsQuery.parse(tsquery), "lexemes").orElseThrow().toString();
    }
}
