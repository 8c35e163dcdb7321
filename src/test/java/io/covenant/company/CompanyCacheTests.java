package io.covenant.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.SecondNode;
import io.covenant.shared.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two service instances on one database: this test's context and a second one started beside it. A company read on
 * one is cached there; a change made through the other, or straight in the database, reaches it through
 * LISTEN/NOTIFY.
 */
@ApiTest
class CompanyCacheTests {

    static SecondNode secondNode;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @BeforeAll
    static void startSecondNode() {
        secondNode = SecondNode.start("company-cache");
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.stop();
    }

    @Test
    void aChangeMadeOnAnotherNodeReachesThisNodesCache() {
        UUID org = fixtures.organization(null);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        UUID id = company(org, member, "organization");
        double hitsBefore = hits();
        fixtures.as(member)
                .get("/api/v1/companies/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Cached Co"));
        fixtures.as(member)
                .get("/api/v1/companies/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Cached Co"));
        assertThat(hits()).isGreaterThan(hitsBefore);

        onSecondNode(member)
                .body(Map.of("symbol", "CACHED", "name", "Renamed Elsewhere", "sector", "Tech"))
                .put("/api/v1/companies/" + id)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> fixtures.as(member)
                .get("/api/v1/companies/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed Elsewhere")));

        // Written straight in the database, as an import or a cascade does.
        jdbc.sql("UPDATE companies SET name = 'Renamed In SQL' WHERE id = ?")
                .param(id)
                .update();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> fixtures.as(member)
                .get("/api/v1/companies/" + id)
                .then()
                .body("name", equalTo("Renamed In SQL")));
    }

    @Test
    void aCachedRowIsNeverShownToACallerWhoMayNotSeeIt() {
        UUID org = fixtures.organization(null);
        Person owner = fixtures.person(Role.ORG_MEMBER, org);
        Person colleague = fixtures.person(Role.ORG_MEMBER, org);
        Person outsider = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        UUID shared = company(org, owner, "organization");
        UUID personal = company(null, owner, "personal");
        fixtures.as(owner).get("/api/v1/companies/" + shared).then().statusCode(200);
        fixtures.as(owner).get("/api/v1/companies/" + personal).then().statusCode(200);

        fixtures.as(colleague).get("/api/v1/companies/" + shared).then().statusCode(200);
        fixtures.as(outsider).get("/api/v1/companies/" + shared).then().statusCode(404);
        fixtures.as(colleague).get("/api/v1/companies/" + personal).then().statusCode(404);
        fixtures.as(outsider).get("/api/v1/companies/" + personal).then().statusCode(404);
    }

    @Test
    void aCompanyRemovedByAnOrganisationsCascadeLeavesEveryCache() {
        UUID org = fixtures.organization(null);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        UUID id = company(org, member, "organization");
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        fixtures.as(admin).get("/api/v1/companies/" + id).then().statusCode(200);
        onSecondNode(admin).get("/api/v1/companies/" + id).then().statusCode(200);

        onSecondNode(admin).delete("/api/v1/organizations/" + org).then().statusCode(204);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        fixtures.as(admin).get("/api/v1/companies/" + id).then().statusCode(404));
        onSecondNode(admin).get("/api/v1/companies/" + id).then().statusCode(404);
    }

    @Test
    void aTickerAnswerIsCachedPerScopeAndNeverCrossesOrganisations() {
        String ticker = symbol();
        UUID orgA = fixtures.organization(null);
        UUID orgB = fixtures.organization(null);
        Person memberA = fixtures.person(Role.ORG_MEMBER, orgA);
        Person memberB = fixtures.person(Role.ORG_MEMBER, orgB);
        Person outsider = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        UUID system = company(ticker, "System Co", null, admin, "system");
        UUID ofA = company(ticker, "A Co", orgA, memberA, "organization");
        UUID ofB = company(ticker, "B Co", orgB, memberB, "organization");
        UUID personal = company(ticker, "Mine Co", null, memberA, "personal");

        // The inserts' own notifications may still evict the first answers: a round of three hits shows the cache.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            double before = hits("companies_by_ticker");
            byTicker(memberA, ticker).statusCode(200).body("id", equalTo(ofA.toString()));
            byTicker(memberB, ticker).statusCode(200).body("id", equalTo(ofB.toString()));
            byTicker(outsider, ticker).statusCode(200).body("id", equalTo(system.toString()));
            return hits("companies_by_ticker") - before >= 3;
        });
        // A super_admin's scope is shared by every super_admin: the first row by the lookup's order.
        byTicker(admin, ticker).statusCode(200).body("id", equalTo(ofA.toString()));

        // The owner's personal row is hidden from everyone else, cached or not.
        jdbc.sql("UPDATE companies SET deleted_at = now() WHERE id = ?")
                .param(ofA)
                .update();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> byTicker(memberA, ticker).body("id", equalTo(personal.toString())));
        byTicker(memberB, ticker).statusCode(200).body("id", equalTo(ofB.toString()));
        byTicker(outsider, ticker).statusCode(200).body("id", equalTo(system.toString()));
    }

    @Test
    void aCachedTickerLookupRunsNoStatement() {
        String ticker = symbol();
        UUID org = fixtures.organization(null);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        company(ticker, "Quiet Co", org, member, "organization");
        byTicker(member, ticker).statusCode(200);
        // Other threads (jobs, listeners) run statements too: a hit is shown by any lookup during which none ran.
        boolean quietLookup = false;
        for (int attempt = 0; attempt < 10 && !quietLookup; attempt++) {
            long before = statements();
            byTicker(member, ticker).statusCode(200).body("name", equalTo("Quiet Co"));
            quietLookup = statements() == before;
        }
        assertThat(quietLookup)
                .as("a cached ticker lookup with no statement run")
                .isTrue();
    }

    private long statements() {
        return registry.get("covenant.db.statements").timer().count();
    }

    @Test
    void aTickerWrittenOnAnyNodeReachesThisNodesCache() {
        String ticker = symbol();
        UUID org = fixtures.organization(null);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        company(ticker, "Shared Co", null, admin, "system");
        byTicker(member, ticker).statusCode(200).body("name", equalTo("Shared Co"));
        onSecondNode(member).get("/api/v1/companies/by-ticker/" + ticker).then().statusCode(200);

        // A new row of the caller's organisation, written on the other node, now comes first here.
        String created = onSecondNode(member)
                .body(Map.of("symbol", ticker, "name", "Own Co", "sector", "Tech"))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> byTicker(member, ticker).statusCode(200).body("id", equalTo(created)));

        // Renamed here: read back at once on this node, and reaches the other node's cache.
        fixtures.as(member)
                .body(Map.of("symbol", ticker, "name", "Own Renamed", "sector", "Tech"))
                .put("/api/v1/companies/" + created)
                .then()
                .statusCode(200);
        byTicker(member, ticker).statusCode(200).body("name", equalTo("Own Renamed"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> onSecondNode(member)
                .get("/api/v1/companies/by-ticker/" + ticker)
                .then()
                .body("name", equalTo("Own Renamed")));

        // A new symbol frees the old one: the shared row answers again.
        jdbc.sql("UPDATE companies SET symbol = ? WHERE id = ?")
                .param(ticker + "X")
                .param(UUID.fromString(created))
                .update();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> byTicker(member, ticker).statusCode(200).body("name", equalTo("Shared Co")));
    }

    @Test
    void latestMetricsAndTheCompanyPageFollowWritesOnAnyNode() {
        UUID org = fixtures.organization(null);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        Person outsider = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        UUID id = company(org, member, "organization");
        writeMetric(fixtures.as(member), id, "2024-12-31", 100.0);
        fixtures.as(member)
                .get("/api/v1/companies/" + id + "/page")
                .then()
                .statusCode(200)
                .body("latest_metrics[0].value", equalTo(100.0f));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            double before = hits("latest_metrics");
            latest(member, id).body(id + "[0].value", equalTo(100.0f));
            fixtures.as(member).get("/api/v1/companies/" + id + "/page").then().statusCode(200);
            return hits("latest_metrics") - before >= 2;
        });
        // Cached for the organisation, yet another organisation gets neither the page nor the values.
        fixtures.as(outsider).get("/api/v1/companies/" + id + "/page").then().statusCode(404);
        latest(outsider, id).body("$", anEmptyMap());

        writeMetric(onSecondNode(member), id, "2025-12-31", 250.0);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> latest(member, id).body(id + "[0].value", equalTo(250.0f)));
        fixtures.as(member)
                .get("/api/v1/companies/" + id + "/page")
                .then()
                .statusCode(200)
                .body("latest_metrics[0].value", equalTo(250.0f));

        jdbc.sql("""
				INSERT INTO sec_filings (company_id, accession_number, filing_type, filing_date)
				VALUES (?, ?, '10-K', DATE '2026-01-15')""")
                .param(id)
                .param("%010d-26-%06d".formatted(System.nanoTime() % 10_000_000_000L, System.nanoTime() % 1_000_000))
                .update();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> fixtures.as(member)
                .get("/api/v1/companies/" + id + "/page")
                .then()
                .body("latest_filings.size()", equalTo(1)));
    }

    @Test
    void dashboardsFollowPredictionsWrittenAnywhere() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        UUID id = company(org, admin, "organization");
        summary(admin).body("total_predictions", equalTo(0));
        summary(admin).body("total_predictions", equalTo(0));
        onSecondNode(admin).get("/api/v1/predictions/dashboard/summary").then().body("total_predictions", equalTo(0));

        jdbc.sql("""
				INSERT INTO annual_predictions (company_id, reporting_year, probability, risk_level, confidence,
				  predicted_at, access_level, organization_id, created_by)
				VALUES (:c, '2024', 0.7, 'High', 0.5, now(), 'organization', :org, :user)""").param("c", id).param("org", org).param("user", admin.id()).update();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> summary(admin).body("total_predictions", equalTo(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> onSecondNode(admin)
                .get("/api/v1/predictions/dashboard/summary")
                .then()
                .body("high_risk_count", equalTo(1)));
        fixtures.as(admin)
                .queryParam("reporting_year", "2024")
                .get("/api/v1/predictions/dashboard/risk-by-sector")
                .then()
                .statusCode(200)
                .body("[0].count", equalTo(1));
    }

    private ValidatableResponse byTicker(Person person, String ticker) {
        return fixtures.as(person).get("/api/v1/companies/by-ticker/" + ticker).then();
    }

    private ValidatableResponse latest(Person person, UUID id) {
        return fixtures.as(person)
                .queryParam("company_id", id)
                .get("/api/v1/metrics/latest")
                .then()
                .statusCode(200);
    }

    private ValidatableResponse summary(Person person) {
        return fixtures.as(person)
                .get("/api/v1/predictions/dashboard/summary")
                .then()
                .statusCode(200);
    }

    private static void writeMetric(RequestSpecification as, UUID id, String date, double value) {
        as.body(Map.of(
                        "points",
                        List.of(Map.of(
                                "metric_type",
                                "revenue",
                                "metric_date",
                                date,
                                "value",
                                value,
                                "period_type",
                                "annual"))))
                .post("/api/v1/companies/" + id + "/metrics")
                .then()
                .statusCode(200);
    }

    private static String symbol() {
        return "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
    }

    private UUID company(String symbol, String name, UUID org, Person owner, String level) {
        return jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
				VALUES (:symbol, :name, 'Tech', :level, :org, :owner) RETURNING id""")
                .param("symbol", symbol)
                .param("name", name)
                .param("level", level)
                .param("org", org)
                .param("owner", owner.id())
                .query(UUID.class)
                .single();
    }

    private double hits() {
        return hits("companies");
    }

    private double hits(String cache) {
        return registry.get("cache.gets")
                .tag("cache", cache)
                .tag("result", "hit")
                .functionCounter()
                .count();
    }

    private static RequestSpecification onSecondNode(Person person) {
        return secondNode.as(person);
    }

    private UUID company(UUID org, Person owner, String level) {
        return jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
				VALUES ('CACHED', 'Cached Co', 'Tech', :level, :org, :owner) RETURNING id""")
                .param("level", level)
                .param("org", org)
                .param("owner", owner.id())
                .query(UUID.class)
                .single();
    }
}
