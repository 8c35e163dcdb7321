package io.covenant.search;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ranked chunk: where it comes from (document, company, filing form, section, position), its score under the
 * search's mode and a snippet with the query's words in {@code <mark>} (the text is HTML-escaped). Hybrid results
 * also give each list's rank ({@code keyword_rank}, {@code semantic_rank}; null where a list did not have it).
 */
public record SearchHit(
        UUID chunkId,
        UUID documentId,
        String documentTitle,
        UUID companyId,
        String companySymbol,
        String companyName,
        String formType,
        LocalDate documentDate,
        String section,
        int chunkIndex,
        double score,
        @Nullable Integer keywordRank,
        @Nullable Integer semanticRank,
        String snippet) {

    SearchHit ranked(double newScore, Integer keyword, Integer semantic) {
        return new SearchHit(
                chunkId,
                documentId,
                documentTitle,
                companyId,
                companySymbol,
                companyName,
                formType,
                documentDate,
                section,
                chunkIndex,
                newScore,
                keyword,
                semantic,
                snippet);
    }
}
