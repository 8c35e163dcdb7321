package io.covenant.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class CompanyApiTests {

    @Autowired
    Fixtures fixtures;

    Person member;

    String sector;

    @BeforeEach
    void setUp() {
        member = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        sector = "Sector " + UUID.randomUUID();
    }

    @Test
    void aCompanyIsCreatedReadUpdatedAndSoftDeleted() {
        String id = create(Map.of(
                        "symbol",
                        "duol",
                        "name",
                        "Duolingo",
                        "cik",
                        "1562088",
                        "category",
                        "direct_to_consumer",
                        "subcategory",
                        List.of("language", "gamified"),
                        "founded_year",
                        2011,
                        "employee_count",
                        830))
                .then()
                .statusCode(201)
                .body("symbol", equalTo("DUOL"))
                .body("cik", equalTo("0001562088"))
                .body("access_level", equalTo("organization"))
                .body("organization_id", equalTo(member.organizationId().toString()))
                .body("subcategory", equalTo(List.of("language", "gamified")))
                .body("country", equalTo("USA"))
                .extract()
                .path("id");
        fixtures.as(member)
                .get("/api/v1/companies/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Duolingo"));
        fixtures.as(member)
                .get("/api/v1/companies/by-ticker/duol")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        fixtures.as(member)
                .get("/api/v1/companies/by-cik/1562088")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        fixtures.as(member)
                .body(body(Map.of("symbol", "DUOL", "name", "Duolingo, Inc.", "market_cap", 9_000_000_000L)))
                .put("/api/v1/companies/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Duolingo, Inc."))
                .body("market_cap", equalTo(9_000_000_000L));
        fixtures.as(member).delete("/api/v1/companies/" + id).then().statusCode(204);
        fixtures.as(member)
                .get("/api/v1/companies/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(fixtures.jdbc()
                        .sql("SELECT deleted_at IS NOT NULL FROM companies WHERE id = ?::uuid")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // The symbol is free again.
        create(Map.of("symbol", "DUOL", "name", "Duolingo again")).then().statusCode(201);
    }

    @Test
    void aDuplicateSymbolInTheOrganizationIsAConflictNamingTheField() {
        create(Map.of("symbol", "DUP", "name", "First")).then().statusCode(201);
        create(Map.of("symbol", "dup", "name", "Second"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("duplicate"))
                .body("detail", equalTo("symbol is already used by a company of this organization"))
                .body("errors[0].field", equalTo("symbol"));
    }

    @Test
    void invalidFieldsOfACreationOrAReplacementAreAllReported() {
        create(Map.of(
                        "symbol",
                        "WAY TOO LONG SYMBOL",
                        "name",
                        "",
                        "founded_year",
                        1700,
                        "employee_count",
                        0,
                        "country",
                        "usa",
                        "cik",
                        "12ab"))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("symbol"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("founded_year"))
                .body("errors.field", hasItem("employee_count"))
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("cik"));
        String id = create(Map.of("symbol", "VALID", "name", "Valid"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        fixtures.as(member)
                .body(body(Map.of("symbol", "WAY TOO LONG SYMBOL", "name", "")))
                .put("/api/v1/companies/" + id)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("symbol"))
                .body("errors.field", hasItem("name"));
        create(Map.of("symbol", "FUT", "name", "Future", "founded_year", 2099))
                .then()
                .statusCode(422)
                .body("detail", equalTo("founded_year must be between 1800 and the current year"));
        fixtures.as(member)
                .body("{\"symbol\": \"A\", \"access_level\": \"everyone\"}")
                .post("/api/v1/companies")
                .then()
                .statusCode(400)
                .body("detail", notNullValue());
        fixtures.as(member)
                .get("/api/v1/companies/not-a-uuid")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
        fixtures.as(member)
                .queryParam("market_cap_min", "x")
                .get("/api/v1/companies")
                .then()
                .statusCode(400)
                .body("detail", equalTo("Parameter 'market_cap_min' has an invalid value"))
                .body("errors[0].field", equalTo("market_cap_min"))
                .body("errors[0].rejected_value", equalTo("x"));
    }

    @Test
    void onlyASuperAdminCreatesSystemCompanies() {
        create(Map.of("symbol", "SYS", "name", "Shared", "access_level", "system"))
                .then()
                .statusCode(403);
        Person loner = fixtures.person(Role.USER, null);
        fixtures.as(loner)
                .body(body(Map.of("symbol", "LONE", "name", "Mine", "access_level", "organization")))
                .post("/api/v1/companies")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("access_level"));
        fixtures.as(loner)
                .body(body(Map.of("symbol", "LONE", "name", "Mine")))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .body("access_level", equalTo("personal"));
    }

    @Test
    void listsFilterSortAndPageByOffsetAndCursor() {
        for (int i = 0; i < 7; i++) {
            create(Map.of(
                            "symbol",
                            "L" + i,
                            "name",
                            "Listed " + i,
                            "market_cap",
                            1_000_000L * (i + 1),
                            "founded_year",
                            2000 + i,
                            "country",
                            i % 2 == 0 ? "USA" : "GBR"))
                    .then()
                    .statusCode(201);
        }
        fixtures.as(member)
                .queryParam("sector", sector)
                .queryParam("market_cap_min", 3_000_000)
                .queryParam("founded_year_max", 2005)
                .queryParam("sort", "market_cap")
                .queryParam("order", "asc")
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("items.symbol", equalTo(List.of("L2", "L3", "L4", "L5")));
        fixtures.as(member)
                .queryParam("sector", sector)
                .queryParam("country", "GBR")
                .get("/api/v1/companies")
                .then()
                .body("total", equalTo(3));
        fixtures.as(member)
                .queryParam("sector", sector)
                .queryParam("sort", "symbol")
                .queryParam("limit", 3)
                .queryParam("offset", 3)
                .get("/api/v1/companies")
                .then()
                .body("items.symbol", equalTo(List.of("L3", "L4", "L5")));

        var first = fixtures.as(member)
                .queryParam("sector", sector)
                .queryParam("sort", "name")
                .queryParam("limit", 4)
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("items", hasSize(4))
                .extract()
                .jsonPath();
        fixtures.as(member)
                .queryParam("sector", sector)
                .queryParam("sort", "name")
                .queryParam("limit", 4)
                .queryParam("cursor", first.getString("next_cursor"))
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("items.name", equalTo(List.of("Listed 4", "Listed 5", "Listed 6")))
                .body("next_cursor", nullValue());
        fixtures.as(member)
                .queryParam("cursor", first.getString("next_cursor"))
                .get("/api/v1/companies")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("cursor"));
        fixtures.as(member)
                .queryParam("sort", "colour")
                .get("/api/v1/companies")
                .then()
                .statusCode(422);
        fixtures.as(member)
                .queryParam("limit", 100000)
                .get("/api/v1/companies")
                .then()
                .statusCode(422);
    }

    @Test
    void namesAreFoundFuzzilyAndDescriptionsByText() {
        create(Map.of(
                        "symbol",
                        "CHGG",
                        "name",
                        "Chegg Incorporated",
                        "description",
                        "Online textbook rentals and homework help for students"))
                .then()
                .statusCode(201);
        create(Map.of(
                        "symbol",
                        "COUR",
                        "name",
                        "Coursera",
                        "description",
                        "Massive open online courses from universities"))
                .then()
                .statusCode(201);
        fixtures.as(member)
                .queryParam("sector", sector)
                .queryParam("name", "Chegg Inc")
                .get("/api/v1/companies")
                .then()
                .body("items.symbol", equalTo(List.of("CHGG")));
        fixtures.as(member)
                .queryParam("sector", sector)
                .queryParam("name", "Cursera")
                .get("/api/v1/companies")
                .then()
                .body("items.symbol", hasItem("COUR"));
        fixtures.as(member)
                .queryParam("sector", sector)
                .queryParam("q", "university courses")
                .get("/api/v1/companies")
                .then()
                .body("items.symbol", equalTo(List.of("COUR")));
    }

    @Test
    void aNameOnlySearchListsTheNearestVisibleNamesFirstAndNeverAnotherOrganisationsCompanies() {
        // A made-up word no other test's company shares, so that the whole result is this test's.
        String word = "Qz"
                + UUID.randomUUID()
                        .toString()
                        .replaceAll("[^0-9]", "")
                        .chars()
                        .limit(8)
                        .mapToObj(d -> String.valueOf((char) ('a' + d - '0')))
                        .reduce("", String::concat);
        create(Map.of("symbol", "NR3", "name", word + " Holdings Group")).then().statusCode(201);
        create(Map.of("symbol", "NR1", "name", word)).then().statusCode(201);
        create(Map.of("symbol", "NR2", "name", word + " Inc")).then().statusCode(201);
        Person stranger = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        String hidden = fixtures.as(stranger)
                .body(body(Map.of("symbol", "NR1", "name", word)))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertNearestFirst(word, stranger, hidden);
        // Past 3,000 names sharing the word the search walks the KNN index instead: a third organisation's names,
        // all of them nearer than the member's last one, still never show.
        fixtures.jdbc()
                .sql("""
				INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
				SELECT 'F' || n, :word || ' Fill ' || n, 'Filler', 'organization', :org, :by
				FROM generate_series(1, 3100) n""")
                .param("word", word)
                .param("org", fixtures.organization(null))
                .param("by", stranger.id())
                .update();
        assertNearestFirst(word, stranger, hidden);
    }

    @Test
    void aWordThousandsOfVisibleNamesContainListsThemNewestFirstWithACappedTotal() {
        String word = "Qw"
                + UUID.randomUUID()
                        .toString()
                        .replaceAll("[^0-9]", "")
                        .chars()
                        .limit(8)
                        .mapToObj(d -> String.valueOf((char) ('a' + d - '0')))
                        .reduce("", String::concat);
        UUID other = fixtures.organization(null);
        // The member's organisation's names, older shared ones, and a third organisation's, the newest of all.
        fixtures.jdbc()
                .sql("""
				INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by, created_at)
				SELECT s.prefix || n, 'Alpha ' || :word || ' ' || s.prefix || n, :sector, s.level,
				       CASE s.level WHEN 'organization' THEN s.org END, :by, now() - n * interval '1 second' + s.shift
				FROM (VALUES ('WS' || upper(substr(:word, 3, 2)), 'system', NULL::uuid, interval '-1 hour', 2100),
				             ('WM', 'organization', CAST(:mine AS uuid), interval '0', 1100),
				             ('WO', 'organization', CAST(:other AS uuid), interval '1 hour', 1100))
				       AS s (prefix, level, org, shift, rows),
				     generate_series(1, s.rows) n""")
                .param("word", word)
                .param("sector", sector)
                .param("mine", member.organizationId().toString())
                .param("other", other.toString())
                .param("by", member.id())
                .update();
        Response first = fixtures.as(member)
                .queryParam("name", word.toLowerCase())
                .queryParam("limit", 50)
                .get("/api/v1/companies");
        first.then()
                .statusCode(200)
                .body("items", hasSize(50))
                .body("total", equalTo(500))
                .body("total_capped", equalTo(true))
                .body("next_cursor", nullValue());
        // Newest first, one second apart: the member's own, then (further on) the shared ones; never the third's.
        List<String> symbols = first.path("items.symbol");
        assertThat(symbols.get(0)).isEqualTo("WM1");
        assertThat(symbols.get(49)).isEqualTo("WM50");
        List<String> across = fixtures.as(member)
                .queryParam("name", word)
                .queryParam("limit", 20)
                .queryParam("offset", 1090)
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("items", hasSize(20))
                .extract()
                .path("items.symbol");
        assertThat(across.subList(0, 10))
                .containsExactly(
                        "WM1091", "WM1092", "WM1093", "WM1094", "WM1095", "WM1096", "WM1097", "WM1098", "WM1099",
                        "WM1100");
        assertThat(across.subList(10, 20)).allMatch(symbol -> symbol.startsWith("WS"));
        assertThat(across).noneMatch(symbol -> symbol.startsWith("WO"));
    }

    private void assertNearestFirst(String word, Person stranger, String hidden) {
        fixtures.as(member)
                .queryParam("name", word)
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("items.symbol", equalTo(List.of("NR1", "NR2", "NR3")))
                .body("items.id", not(hasItem(hidden)))
                .body("total", equalTo(3));
        fixtures.as(member)
                .queryParam("name", word)
                .queryParam("limit", 1)
                .queryParam("offset", 1)
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("items.symbol", equalTo(List.of("NR2")));
        fixtures.as(stranger)
                .queryParam("name", word)
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(hidden)));
    }

    @Test
    void everyMutationLeavesExactlyOneAuditEntryWithItsValuesAndRequestId() {
        String created = "req-" + UUID.randomUUID();
        String id = fixtures.as(member)
                .header("X-Request-Id", created)
                .body(body(Map.of("symbol", "AUD", "name", "Audited")))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String updated = "req-" + UUID.randomUUID();
        fixtures.as(member)
                .header("X-Request-Id", updated)
                .body(body(Map.of("symbol", "AUD", "name", "Audited twice")))
                .put("/api/v1/companies/" + id)
                .then()
                .statusCode(200);
        String deleted = "req-" + UUID.randomUUID();
        fixtures.as(member)
                .header("X-Request-Id", deleted)
                .delete("/api/v1/companies/" + id)
                .then()
                .statusCode(204);

        assertThat(audit(created)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("action", "CREATE").containsEntry("entity_id", UUID.fromString(id));
            assertThat(row.get("old_values")).isNull();
            assertThat((String) row.get("new_values")).contains("\"name\": \"Audited\"");
        });
        assertThat(audit(updated)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("action", "UPDATE");
            assertThat((String) row.get("old_values")).contains("\"name\": \"Audited\"");
            assertThat((String) row.get("new_values")).contains("\"name\": \"Audited twice\"");
        });
        assertThat(audit(deleted)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("action", "DELETE").containsEntry("user_id", member.id());
            assertThat(row.get("new_values")).isNull();
        });
        // A rejected mutation leaves nothing.
        String rejected = "req-" + UUID.randomUUID();
        fixtures.as(member)
                .header("X-Request-Id", rejected)
                .body(body(Map.of("symbol", "AUD2", "name", "X", "founded_year", 2099)))
                .post("/api/v1/companies")
                .then()
                .statusCode(422);
        assertThat(audit(rejected)).isEmpty();
    }

    private List<Map<String, Object>> audit(String requestId) {
        return fixtures.jdbc()
                .sql(
                        "SELECT action, entity_id, user_id, old_values::text, new_values::text FROM audit_logs WHERE request_id = ?")
                .param(requestId)
                .query()
                .listOfRows();
    }

    @Test
    void unknownTickersAndCiksAre404() {
        fixtures.as(member)
                .get("/api/v1/companies/by-ticker/NOPE" + Fixtures.unique(4))
                .then()
                .statusCode(404);
        fixtures.as(member).get("/api/v1/companies/by-cik/999999999").then().statusCode(404);
        fixtures.as(member).get("/api/v1/companies/by-cik/abc").then().statusCode(422);
    }

    private Response create(Map<String, Object> fields) {
        return fixtures.as(member).body(body(fields)).post("/api/v1/companies");
    }

    private Map<String, Object> body(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.putIfAbsent("sector", sector);
        return body;
    }
}
