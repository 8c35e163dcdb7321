package io.covenant.search;

import io.covenant.company.Companies;
import io.covenant.shared.concurrent.DaemonThreads;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import io.covenant.shared.security.Permission;
import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Searches chunks by keyword (PostgreSQL full text: its parse of the query, its matching and its ts_rank), by meaning
 * (the query's embedding against the Lucene HNSW index) or both (reciprocal rank fusion of the two rankings).
 * PostgreSQL ranks keyword matches over the GIN index until the search index has applied every change; from then on
 * the Lucene copy of the same vectors ranks them the same way, without reading every match's row. The access rule is
 * applied in both indexes, Lucene's filter and the SQL, and every hit is read back from PostgreSQL under it, so a
 * chunk the caller may not see is never returned even if the search index were behind the database.
 */
@Service
@RequiredArgsConstructor
public class Search {

    private static final Logger log = LoggerFactory.getLogger(Search.class);

    /** Reciprocal rank fusion's constant: ranks 1 and 2 weigh nearly alike, rank 60 half as much as rank 1. */
    static final int RRF_K = 60;

    /** How many candidates each ranking contributes to a hybrid fusion. */
    static final int FUSION_DEPTH = 50;

    private final DocumentRepository repository;

    private final SearchIndex index;

    private final Embedder embedder;

    private final Companies companies;

    /** Runs a hybrid search's keyword ranking; no connection is held by the request thread meanwhile. */
    private final ExecutorService keywords = DaemonThreads.pool("search-keyword", 8);

    @PreDestroy
    void close() {
        keywords.shutdownNow();
    }

    public SearchResults search(
            Caller caller,
            String query,
            SearchMode mode,
            UUID companyId,
            String form,
            String section,
            LocalDate from,
            LocalDate to,
            int limit) {
        caller.require(Permission.DOCUMENTS_READ);
        long started = System.nanoTime();
        if (query == null || query.isBlank()) {
            throw InvalidInput.of("q", "is required");
        }
        if (query.length() > 500) {
            throw InvalidInput.of("q", "is longer than 500 characters");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidInput.of("from", "is after to");
        }
        if (companyId != null) {
            companies.get(caller, companyId);
        }
        SearchFilter filter = filter(companyId, form, section, from, to);
        List<SearchHit> hits =
                switch (mode) {
                    case KEYWORD -> scored(keyword(query, filter, caller, limit), query, caller, limit);
                    case SEMANTIC -> scored(semantic(query, filter, caller, limit), query, caller, limit);
                    case HYBRID -> hybrid(query, filter, caller, limit);
                };
        return new SearchResults(query, mode.wireName(), hits, (System.nanoTime() - started) / 1e6);
    }

    /**
     * The keyword ranking: from the search index when it holds every change and can express the query, otherwise
     * from PostgreSQL. Both give the same chunks with the same scores (SearchApiTests and the benchmark compare them).
     */
    List<DocumentRepository.Ranked> keyword(String query, SearchFilter filter, Caller caller, int k) {
        if (!index.ready()) {
            return repository.keyword(query, filter, caller, k);
        }
        SearchIndex.LogState at = index.state();
        DocumentRepository.ParsedQuery parsed = repository.parse(query, at.position(), at.applied());
        if (!parsed.indexBehind()) {
            try {
                TsQuery.Node root = TsQuery.parse(parsed.tsquery());
                if (root == null) {
                    return List.of();
                }
                Optional<Query> matching = TsQuery.lucene(root, KeywordRanking.LEXEMES);
                if (matching.isPresent()) {
                    return index.keyword(root, matching.get(), luceneFilter(filter, caller), k);
                }
            } catch (IllegalArgumentException ex) {
                log.debug("Keyword query left to PostgreSQL: {}", ex.getMessage());
            }
        }
        return repository.keyword(query, filter, caller, k);
    }

    private List<DocumentRepository.Ranked> semantic(String query, SearchFilter filter, Caller caller, int k) {
        return index.nearest(embedder.query(query), k, luceneFilter(filter, caller));
    }

    private List<SearchHit> hybrid(String query, SearchFilter filter, Caller caller, int limit) {
        int depth = Math.max(FUSION_DEPTH, limit);
        // The two rankings side by side: PostgreSQL ranks the keyword matches while Lucene walks its graph here.
        CompletableFuture<List<DocumentRepository.Ranked>> keywordRanking = CompletableFuture.supplyAsync(
                () -> Callers.runAs(caller, () -> keyword(query, filter, caller, depth)), keywords);
        List<DocumentRepository.Ranked> semantic = semantic(query, filter, caller, depth);
        List<DocumentRepository.Ranked> keyword;
        try {
            keyword = keywordRanking.join();
        } catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
        }
        Map<UUID, double[]> fused = new LinkedHashMap<>();
        for (int i = 0; i < keyword.size(); i++) {
            fused.computeIfAbsent(keyword.get(i).chunkId(), id -> new double[] {0, 0, 0})[1] = i + 1;
        }
        for (int i = 0; i < semantic.size(); i++) {
            fused.computeIfAbsent(semantic.get(i).chunkId(), id -> new double[] {0, 0, 0})[2] = i + 1;
        }
        fused.values()
                .forEach(r -> r[0] = (r[1] > 0 ? 1.0 / (RRF_K + r[1]) : 0) + (r[2] > 0 ? 1.0 / (RRF_K + r[2]) : 0));
        List<Map.Entry<UUID, double[]>> ranked = new ArrayList<>(fused.entrySet());
        ranked.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Double.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        List<Map.Entry<UUID, double[]>> top = ranked.subList(0, Math.min(ranked.size(), limit));
        Map<UUID, SearchHit> hits =
                repository.hits(top.stream().map(Map.Entry::getKey).toList(), query, caller);
        List<SearchHit> out = new ArrayList<>();
        for (Map.Entry<UUID, double[]> e : top) {
            SearchHit hit = hits.get(e.getKey());
            if (hit != null) {
                double[] r = e.getValue();
                out.add(hit.ranked(r[0], r[1] > 0 ? (int) r[1] : null, r[2] > 0 ? (int) r[2] : null));
            }
        }
        return out;
    }

    private List<SearchHit> scored(List<DocumentRepository.Ranked> ranked, String query, Caller caller, int limit) {
        List<DocumentRepository.Ranked> top = ranked.subList(0, Math.min(ranked.size(), limit));
        Map<UUID, SearchHit> hits = repository.hits(
                top.stream().map(DocumentRepository.Ranked::chunkId).toList(), query, caller);
        List<SearchHit> out = new ArrayList<>();
        for (DocumentRepository.Ranked r : top) {
            SearchHit hit = hits.get(r.chunkId());
            if (hit != null) {
                out.add(hit.ranked(r.score(), null, null));
            }
        }
        return out;
    }

    /** The access rule and the search's filters as a Lucene filter over the chunks' fields. */
    static Query luceneFilter(SearchFilter f, Caller caller) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (!caller.isSuperAdmin()) {
            BooleanQuery.Builder visible = new BooleanQuery.Builder();
            visible.add(new TermQuery(new Term("access", "system")), Occur.SHOULD);
            visible.add(
                    new BooleanQuery.Builder()
                            .add(new TermQuery(new Term("access", "personal")), Occur.FILTER)
                            .add(new TermQuery(new Term("owner", caller.userId().toString())), Occur.FILTER)
                            .build(),
                    Occur.SHOULD);
            if (caller.organizationId() != null) {
                visible.add(
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term("access", "organization")), Occur.FILTER)
                                .add(
                                        new TermQuery(new Term(
                                                "org", caller.organizationId().toString())),
                                        Occur.FILTER)
                                .build(),
                        Occur.SHOULD);
            }
            query.add(visible.setMinimumNumberShouldMatch(1).build(), Occur.FILTER);
        }
        term(query, "company", f.companyId() == null ? null : f.companyId().toString());
        term(query, "form", f.form());
        term(query, "item", f.item());
        term(query, "section", f.section());
        if (f.from() != null || f.to() != null) {
            query.add(
                    LongPoint.newRangeQuery(
                            "date",
                            f.from() == null ? Long.MIN_VALUE : f.from().toEpochDay(),
                            f.to() == null ? Long.MAX_VALUE : f.to().toEpochDay()),
                    Occur.FILTER);
        }
        BooleanQuery built = query.build();
        return built.clauses().isEmpty() ? null : built;
    }

    private static void term(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    /** {@code section} is an item ("1A", "Item 1A") or a section's title, matched without regard to case. */
    private static SearchFilter filter(UUID companyId, String form, String section, LocalDate from, LocalDate to) {
        String item = null;
        String title = null;
        if (section != null && !section.isBlank()) {
            var m = Pattern.compile("(?i)^\\s*(?:item\\s*)?(\\d{1,2}[a-c]?)\\.?\\s*$")
                    .matcher(section);
            if (m.matches()) {
                item = m.group(1).toUpperCase(Locale.ROOT);
            } else {
                title = section.strip().toLowerCase(Locale.ROOT);
            }
        }
        return new SearchFilter(
                companyId,
                form == null || form.isBlank() ? null : form.strip().toUpperCase(Locale.ROOT),
                item,
                title,
                from,
                to);
    }
}
