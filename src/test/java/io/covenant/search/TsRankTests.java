package io.covenant.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.DatabaseFixtures;
import io.covenant.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Java ts_rank against PostgreSQL's over vectors and queries built to reach every branch of tsrank.c. */
@DatabaseTest
class TsRankTests {

    @Autowired
    DatabaseFixtures fixtures;

    @Test
    void everyWordDistanceAndLengthRanksAsPostgresqlRanksIt() {
        List<String> vectors = new ArrayList<>();
        for (int d = 1; d <= 120; d++) {
            vectors.add("a:1 b:" + (1 + d));
        }
        for (int n = 1; n <= 300; n += 7) {
            StringBuilder v = new StringBuilder("a:1,9 b:4");
            for (int i = 0; i < n; i++) {
                v.append(" w").append(i).append(':').append(10 + i);
            }
            vectors.add(v.toString());
        }
        vectors.add("a:1,2,3,4,5,6 b:7,30,31 c:2000");
        for (String query :
                List.of("a & b", "a | b", "a <-> b", "a & b & c", "a & !c", "!c", "a", "a & a", "b | (a & c)")) {
            for (String vector : vectors) {
                var pg = fixtures.jdbc()
                        .sql("SELECT ts_rank(CAST(:v AS tsvector), CAST(:q AS tsquery), 33),"
                                + " CAST(:v AS tsvector)::text, CAST(:q AS tsquery)::text")
                        .param("v", vector)
                        .param("q", query)
                        .query((rs, i) -> new Object[] {rs.getFloat(1), rs.getString(2), rs.getString(3)})
                        .single();
                assertThat(rank((String) pg[1], (String) pg[2]))
                        .as(vector + " / " + query)
                        .isEqualTo(pg[0]);
            }
        }
    }

    @Test
    void lexemesWithQuotesAndBackslashesAreReadBack() {
        String text = fixtures.jdbc()
                .sql("SELECT CAST($$'it''s':1,3A 'back\\\\slash':2 plain$$ AS tsvector)::text")
                .query(String.class)
                .single();
        TsVector vector = TsVector.parse(text);
        assertThat(vector.lexemes()).containsExactlyInAnyOrder("it's", "back\\slash", "plain");
        assertThat(vector.length()).isEqualTo(4);
    }

    private static float rank(String vectorText, String queryText) {
        TsVector vector = TsVector.parse(vectorText);
        TsQuery.Node root = TsQuery.parse(queryText);
        List<String> lexemes = TsQuery.lexemes(root);
        int[][] positions = new int[lexemes.size()][];
        int[] counts = new int[lexemes.size()];
        for (int i = 0; i < lexemes.size(); i++) {
            int at = vector.lexemes().indexOf(lexemes.get(i));
            if (at >= 0) {
                positions[i] = vector.positions().get(at);
                counts[i] = positions[i].length;
            }
        }
        return TsRank.rank(positions, counts, vector.length(), TsQuery.conjunctive(root));
    }
}
