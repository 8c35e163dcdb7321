package io.covenant.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import io.covenant.shared.security.Role;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * Apple's 10-K ingested as HTML and as text, searched by keyword, meaning and both, under the access rule; the
 * vector index deleted and rebuilt gives the same answers.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SearchIndex index;

    @Autowired
    SearchProperties properties;

    @Autowired
    DocumentRepository repository;

    Person analyst;

    Person stranger;

    String company;

    String html;

    String text;

    @BeforeAll
    void ingestApplesTenK() throws IOException {
        analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        stranger = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        company = fixtures.as(analyst)
                .body(Map.of("symbol", "AAPL", "name", "Apple Inc.", "sector", "Technology"))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        html = fixtures.as(analyst)
                .contentType("multipart/form-data")
                .multiPart(
                        "file",
                        "aapl-10-k-2024.html",
                        read("10-K_AAPL_2024-11-01.html").getBytes())
                .multiPart("company_id", company)
                .multiPart("form_type", "10-K")
                .multiPart("document_date", "2024-11-01")
                .multiPart("document_type", "sec_filing")
                .post("/api/v1/documents")
                .then()
                .statusCode(201)
                .body("mime_type", equalTo("text/html"))
                .body("form_type", equalTo("10-K"))
                .body("sections", Matchers.hasItem("Item 1A. Risk Factors"))
                .extract()
                .path("id");
        text = fixtures.as(analyst)
                .body(Map.of(
                        "company_id",
                        company,
                        "title",
                        "Apple 10-K (text)",
                        "form_type",
                        "10-K",
                        "document_date",
                        "2024-11-01",
                        "content",
                        read("10-K_AAPL_text.md")))
                .post("/api/v1/documents")
                .then()
                .statusCode(201)
                .body("chunk_count", Matchers.greaterThan(100))
                .extract()
                .path("id");
        awaitIndexed();
    }

    @Test
    void riskAndMarketRiskQuestionsFindTheirPassagesByMeaningAndHybrid() {
        for (String mode : List.of("semantic", "hybrid")) {
            List<String> supply = sections(search(analyst, "supply chain concentration risk", mode, 5));
            assertThat(supply).as(mode).contains("Item 1A. Risk Factors");
            assertThat(supply.get(0)).as(mode).isEqualTo("Item 1A. Risk Factors");
            List<String> currency = sections(search(analyst, "foreign currency exchange rate", mode, 5));
            assertThat(currency)
                    .as(mode)
                    .anyMatch(s -> s.startsWith("Item 7A. Quantitative and Qualitative Disclosures")
                            || s.equals("Item 1A. Risk Factors"));
            assertThat(currency.subList(0, 3)).as(mode).anyMatch(s -> s.startsWith("Item 7A"));
        }
    }

    @Test
    void aFilingsDocumentTakesTheFilingsFormAndDateAndKeepsBothPartsItems() throws IOException {
        String accession = "0000320193-25-"
                + String.format("%06d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000));
        String filing = fixtures.jdbc()
                .sql("""
				INSERT INTO sec_filings (company_id, filing_type, filing_date, accession_number)
				VALUES (:company, '10-Q', '2025-08-01', :accession) RETURNING id""")
                .param("company", UUID.fromString(company))
                .param("accession", accession)
                .query(UUID.class)
                .single()
                .toString();
        JsonPath document = fixtures.as(analyst)
                .contentType("multipart/form-data")
                .multiPart(
                        "file",
                        "aapl-10-q.html",
                        read("10-Q_AAPL_2025-08-01.html").getBytes())
                .multiPart("filing_id", filing)
                .multiPart("access_level", "personal")
                .post("/api/v1/documents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(document.getString("access_level")).isEqualTo("personal");
        fixtures.as(analyst)
                .contentType("multipart/form-data")
                .multiPart("file", "x.txt", "Some text.".getBytes())
                .multiPart("access_level", "public")
                .post("/api/v1/documents")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("access_level"));
        assertThat(document.getString("company_id")).isEqualTo(company);
        assertThat(document.getString("form_type")).isEqualTo("10-Q");
        assertThat(document.getString("document_date")).isEqualTo("2025-08-01");
        assertThat(document.getString("document_type")).isEqualTo("sec_filing");
        assertThat(document.getList("sections", String.class))
                .contains("Item 1. Financial Statements", "Item 1A. Risk Factors")
                .anyMatch(t -> t.startsWith("Item 2. Management"));
        awaitIndexed();
        for (String mode : List.of("keyword", "semantic", "hybrid")) {
            JsonPath quarter = fixtures.as(analyst)
                    .queryParam("q", "net sales by product")
                    .queryParam("mode", mode)
                    .queryParam("form", "10-q")
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(quarter.getList("items.document_id", String.class))
                    .as(mode)
                    .isNotEmpty()
                    .allMatch(document.getString("id")::equals);
        }
    }

    @Test
    void keywordSearchRanksMatchesAndHighlightsThem() {
        JsonPath result = search(analyst, "\"foreign currency\" hedging", "keyword", 5);
        assertThat(result.getList("items")).isNotEmpty();
        assertThat(result.getString("items[0].snippet")).contains("<mark>");
        assertThat(result.getString("items[0].company_symbol")).isEqualTo("AAPL");
        assertThat(result.getString("items[0].form_type")).isEqualTo("10-K");
        assertThat(result.getList("items.score", Float.class)).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    /** Every shape websearch syntax yields: words, quoted phrases (stop words inside), or, negation, hyphenation. */
    static final List<String> KEYWORD_QUERIES = List.of(
            "supply chain concentration risk",
            "foreign currency exchange rate",
            "share repurchase program",
            "iPhone net sales",
            "effective tax rate",
            "\"foreign currency\" hedging",
            "\"supply chain\" -china",
            "iphone or mac",
            "\"interest rate\" or \"exchange rate\" -derivative",
            "stock-based compensation",
            "\"risks of the business\"",
            "currency risk and currency",
            "-risk",
            "the of and",
            "tariffs",
            "Apple's products",
            "right-of-use assets",
            "net sales by category");

    @Test
    void keywordRankingFromTheSearchIndexIsPostgresqlsOwnRanking() {
        awaitIndexed();
        Caller caller = new Caller(
                analyst.id(), analyst.organizationId(), null, Role.ORG_MEMBER, Set.of("documents:read"), false);
        List<SearchFilter> filters = List.of(
                new SearchFilter(null, null, null, null, null, null),
                new SearchFilter(UUID.fromString(company), "10-K", "1A", null, null, null));
        int compared = 0;
        for (String q : KEYWORD_QUERIES) {
            TsQuery.Node root = TsQuery.parse(parse(q).tsquery());
            for (SearchFilter filter : filters) {
                List<DocumentRepository.Ranked> postgres =
                        Callers.runAs(caller, () -> repository.keyword(q, filter, caller, 40));
                List<DocumentRepository.Ranked> lucene = root == null
                        ? List.of()
                        : index.keyword(
                                root,
                                TsQuery.lucene(root, KeywordRanking.LEXEMES).orElseThrow(),
                                Search.luceneFilter(filter, caller),
                                40);
                assertThat(lucene).as(q + " " + filter).isEqualTo(postgres);
                compared += postgres.size();
            }
        }
        assertThat(compared).isGreaterThan(300);
        // And the API answers with that ranking.
        List<DocumentRepository.Ranked> postgres =
                Callers.runAs(caller, () -> repository.keyword("share repurchase program", filters.get(0), caller, 10));
        JsonPath api = search(analyst, "share repurchase program", "keyword", 10);
        assertThat(api.getList("items.chunk_id"))
                .isEqualTo(postgres.stream().map(r -> r.chunkId().toString()).toList());
        assertThat(api.getList("items.score", Float.class))
                .isEqualTo(postgres.stream().map(r -> (float) r.score()).toList());
    }

    @Test
    void aQueryRepeatingAWordIsHighlightedLikeAnyOther() {
        for (String mode : List.of("keyword", "semantic", "hybrid")) {
            JsonPath result = search(analyst, "currency risk and currency", mode, 3);
            assertThat(result.getList("items")).isNotEmpty();
            assertThat(result.getString("items[0].snippet")).containsIgnoringCase("<mark>currenc");
        }
    }

    @Test
    void hybridResultsSayWhereEachListRankedThem() {
        JsonPath result = search(analyst, "supply chain concentration risk", "hybrid", 10);
        assertThat(result.getList("items")).hasSize(10);
        List<Map<String, Object>> items = result.getList("items");
        assertThat(items).allMatch(i -> i.get("keyword_rank") != null || i.get("semantic_rank") != null);
        assertThat(items).anyMatch(i -> i.get("keyword_rank") != null && i.get("semantic_rank") != null);
    }

    @Test
    void filtersNarrowEveryMode() {
        for (String mode : List.of("keyword", "semantic", "hybrid")) {
            JsonPath onlyRisk = fixtures.as(analyst)
                    .queryParam("q", "supply chain")
                    .queryParam("mode", mode)
                    .queryParam("section", "1A")
                    .queryParam("limit", 20)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(onlyRisk.getList("items.section", String.class))
                    .as(mode)
                    .isNotEmpty()
                    .allMatch("Item 1A. Risk Factors"::equals);
            fixtures.as(analyst)
                    .queryParam("q", "supply chain")
                    .queryParam("mode", mode)
                    .queryParam("form", "8-K")
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(0));
            fixtures.as(analyst)
                    .queryParam("q", "supply chain")
                    .queryParam("mode", mode)
                    .queryParam("to", "2023-12-31")
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(0));
        }
    }

    @Test
    void noChunkOfADocumentTheCallerMayNotSeeIsReturnedInAnyMode() {
        for (String mode : List.of("keyword", "semantic", "hybrid")) {
            // Other tests' system documents may answer; the analyst's organisation's never do.
            assertThat(search(stranger, "supply chain concentration risk", mode, 50)
                            .getList("items.document_id"))
                    .as(mode)
                    .doesNotContain(html, text);
            assertThat(search(analyst, "supply chain concentration risk", mode, 50)
                            .getList("items.document_id"))
                    .as(mode)
                    .contains(html, text);
        }
        fixtures.as(stranger).get("/api/v1/documents/" + html).then().statusCode(404);
        fixtures.as(stranger)
                .queryParam("q", "supply chain")
                .queryParam("company", company)
                .get("/api/v1/search")
                .then()
                .statusCode(404);
    }

    @Test
    void theDocumentListPagesNewestFirstThroughTheDocumentsOfACompanyTheCallerSees() {
        JsonPath all = documents(analyst, company, 100, null);
        List<String> ids = all.getList("items.id", String.class);
        assertThat(ids).contains(html, text);
        assertThat(all.getList("items.company_id", String.class)).allMatch(company::equals);
        assertThat(all.getList("items.created_at", String.class))
                .isSortedAccordingTo(Comparator.comparing((String at) -> OffsetDateTime.parse(at))
                        .reversed());
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = documents(analyst, company, 1, cursor);
            paged.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(ids);
        assertThat(documents(analyst, null, 100, null).getList("items.id", String.class))
                .containsAll(ids);
        assertThat(documents(stranger, company, 100, null).getList("items.id", String.class))
                .doesNotContain(html, text);
        assertThat(documents(stranger, null, 100, null).getList("items.id", String.class))
                .doesNotContain(html, text);
    }

    private JsonPath documents(Person person, String companyId, int limit, String cursor) {
        RequestSpecification request = fixtures.as(person).queryParam("limit", limit);
        if (companyId != null) {
            request.queryParam("company_id", companyId);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/documents").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void badSearchesAreRefusedWithProblems() {
        fixtures.as(analyst).get("/api/v1/search").then().statusCode(422).body("errors[0].field", equalTo("q"));
        fixtures.as(analyst)
                .queryParam("q", "x")
                .queryParam("mode", "fuzzy")
                .get("/api/v1/search")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("mode"));
        fixtures.as(analyst)
                .queryParam("q", "x")
                .queryParam("limit", 500)
                .get("/api/v1/search")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("limit"));
        fixtures.as(analyst)
                .queryParam("q", "x")
                .queryParam("from", "yesterday")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aDeletedDocumentLeavesEveryMode() {
        String id = fixtures.as(analyst)
                .body(
                        Map.of(
                                "title",
                                "Memo",
                                "content",
                                "Zanzibar vanilla procurement depends on one cooperative. A drought there would halt production."))
                .post("/api/v1/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !search(analyst, "Zanzibar vanilla", "semantic", 3)
                                .getList("items.document_id")
                                .isEmpty()
                        && search(analyst, "Zanzibar vanilla", "semantic", 1)
                                .getString("items[0].document_id")
                                .equals(id));
        fixtures.as(analyst).delete("/api/v1/documents/" + id).then().statusCode(204);
        for (String mode : List.of("keyword", "semantic", "hybrid")) {
            assertThat(search(analyst, "Zanzibar vanilla", mode, 10).getList("items.document_id"))
                    .as(mode)
                    .doesNotContain(id);
        }
        awaitIndexed();
    }

    @Test
    void aChangeWhoseOutboxIdIsBelowOneAlreadyAppliedIsStillApplied() {
        String id = fixtures.as(analyst)
                .body(Map.of(
                        "title",
                        "Memo",
                        "content",
                        "Madagascar clove exports depend on two ports. A cyclone there would delay every shipment."))
                .post("/api/v1/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        awaitIndexed();
        TsQuery.Node clove = TsQuery.parse(parse("Madagascar clove").tsquery());
        assertThat(index.keyword(
                        clove, TsQuery.lucene(clove, KeywordRanking.LEXEMES).orElseThrow(), null, 5))
                .isNotEmpty();
        // A transaction that drew its outbox id first and committed last: its id is below those already applied.
        fixtures.jdbc()
                .sql("UPDATE documents SET deleted_at = now() WHERE id = CAST(:id AS uuid)")
                .param("id", id)
                .update();
        fixtures.jdbc().sql("""
				INSERT INTO search_index_outbox (id, document_id, operation)
				VALUES ((SELECT min(id) - 1 FROM search_index_outbox), CAST(:id AS uuid), 'delete')""").param("id", id).update();
        index.wake();
        awaitIndexed();
        assertThat(index.keyword(
                        clove, TsQuery.lucene(clove, KeywordRanking.LEXEMES).orElseThrow(), null, 5))
                .isEmpty();
        assertThat(search(analyst, "Madagascar clove", "keyword", 5).getList("items"))
                .isEmpty();
    }

    @Test
    void deletingTheVectorIndexAndRestartingGivesTheSameResults() {
        awaitIndexed();
        List<JsonPath> before = List.of(
                search(analyst, "supply chain concentration risk", "semantic", 10),
                search(analyst, "foreign currency exchange rate", "hybrid", 10));
        index.stop();
        FileSystemUtils.deleteRecursively(properties.indexDirectory().toFile());
        assertThat(Files.exists(properties.indexDirectory())).isFalse();
        index.start();
        awaitIndexed();
        List<JsonPath> after = List.of(
                search(analyst, "supply chain concentration risk", "semantic", 10),
                search(analyst, "foreign currency exchange rate", "hybrid", 10));
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).getList("items.chunk_id"))
                    .isEqualTo(before.get(i).getList("items.chunk_id"));
            assertThat(after.get(i).getList("items.score", Float.class))
                    .isEqualTo(before.get(i).getList("items.score", Float.class));
        }
    }

    /** This node's index has applied every change in the log (which stays until every node has). */
    private void awaitIndexed() {
        await().atMost(Duration.ofMinutes(2))
                .until(() -> index.ready() && !parse("x").indexBehind());
    }

    private DocumentRepository.ParsedQuery parse(String query) {
        SearchIndex.LogState state = index.state();
        return repository.parse(query, state.position(), state.applied());
    }

    private JsonPath search(Person person, String q, String mode, int limit) {
        return fixtures.as(person)
                .queryParam("q", q)
                .queryParam("mode", mode)
                .queryParam("limit", limit)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("mode", equalTo(mode))
                .extract()
                .jsonPath();
    }

    private static List<String> sections(JsonPath result) {
        return result.getList("items.section", String.class);
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of("..", "shared", "data", "sec", file));
    }
}
