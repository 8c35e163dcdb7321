package io.covenant.intelligence;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class IntelligenceApiTests {

    @Autowired
    Fixtures fixtures;

    Person analyst;

    String company;

    @BeforeEach
    void setUp() {
        analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        company = fixtures.as(analyst)
                .body(Map.of("symbol", "INT", "name", "Intel Target", "sector", "EdTech"))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void eventsAreFilteredByCompanyTypeDateAndSentiment() {
        event("funding", "2024-01-10", 0.8);
        event("layoff", "2024-03-01", -0.6);
        event("earnings", "2024-06-30", 0.1);
        fixtures.as(analyst)
                .queryParam("company_id", company)
                .queryParam("sentiment_min", 0)
                .get("/api/v1/market-intelligence")
                .then()
                .statusCode(200)
                .body("items.event_type", equalTo(List.of("earnings", "funding")));
        fixtures.as(analyst)
                .queryParam("company_id", company)
                .queryParam("from", "2024-02-01")
                .queryParam("to", "2024-12-31")
                .queryParam("event_type", "layoff")
                .get("/api/v1/market-intelligence")
                .then()
                .body("items", hasSize(1))
                .body("items[0].sentiment_score", equalTo(-0.6f));
        var page = fixtures.as(analyst)
                .queryParam("company_id", company)
                .queryParam("limit", 2)
                .get("/api/v1/market-intelligence")
                .then()
                .extract()
                .jsonPath();
        fixtures.as(analyst)
                .queryParam("company_id", company)
                .queryParam("limit", 2)
                .queryParam("cursor", page.getString("next_cursor"))
                .get("/api/v1/market-intelligence")
                .then()
                .body("items", hasSize(1))
                .body("next_cursor", equalTo(null));
    }

    @Test
    void aCompanyFilterFindsTheEventsNamingItAsPrimaryOrRelatedCompany() {
        String other = fixtures.as(analyst)
                .body(Map.of("symbol", "OTH", "name", "Other Target", "sector", "EdTech"))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String related = linked("related", other, List.of(company), -0.2);
        String elsewhere = linked("elsewhere", other, List.of(), 0.3);
        String primary = linked("primary", company, List.of(), 0.5);
        fixtures.as(analyst)
                .queryParam("company_id", company)
                .get("/api/v1/market-intelligence")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(primary, related)));
        fixtures.as(analyst)
                .queryParam("company_id", company)
                .queryParam("sentiment_max", 0)
                .get("/api/v1/market-intelligence")
                .then()
                .body("items.id", equalTo(List.of(related)));
        fixtures.as(analyst)
                .queryParam("company_id", other)
                .get("/api/v1/market-intelligence")
                .then()
                .body("items.id", equalTo(List.of(elsewhere, related)));
    }

    @Test
    void scoresOutOfRangeAndInvisibleCompaniesAreRefused() {
        fixtures.as(analyst)
                .body(Map.of(
                        "event_type",
                        "funding",
                        "title",
                        "x",
                        "event_date",
                        "2024-01-01",
                        "sentiment_score",
                        1.5,
                        "confidence_score",
                        -0.1))
                .post("/api/v1/market-intelligence")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("sentiment_score"))
                .body("errors.field", hasItem("confidence_score"));
        Person stranger = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        fixtures.as(stranger)
                .body(Map.of(
                        "event_type",
                        "funding",
                        "title",
                        "x",
                        "event_date",
                        "2024-01-01",
                        "primary_company_id",
                        company))
                .post("/api/v1/market-intelligence")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("primary_company_id"));
        fixtures.as(analyst)
                .body(Map.of("event_type", "rumour", "title", "x", "event_date", "2024-01-01"))
                .post("/api/v1/market-intelligence")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("event_type"));
    }

    @Test
    void reportsKeepFindingsAndFilterByCompanyAndStatus() {
        String id = fixtures.as(analyst)
                .body(Map.of(
                        "report_type",
                        "risk_assessment",
                        "title",
                        "Q2 risk",
                        "key_findings",
                        List.of("Liquidity tight", "Churn rising"),
                        "company_ids",
                        List.of(company),
                        "period_start",
                        "2024-04-01",
                        "period_end",
                        "2024-06-30",
                        "status",
                        "published"))
                .post("/api/v1/analysis-reports")
                .then()
                .statusCode(201)
                .body("key_findings", equalTo(List.of("Liquidity tight", "Churn rising")))
                .extract()
                .path("id");
        fixtures.as(analyst)
                .queryParam("company_id", company)
                .queryParam("status", "published")
                .get("/api/v1/analysis-reports")
                .then()
                .body("items.id", equalTo(List.of(id)));
        for (Map<String, String> overlapping : List.of(
                Map.of("from", "2024-06-30", "to", "2024-12-31"),
                Map.of("from", "2024-01-01", "to", "2024-04-01"),
                Map.of("report_type", "risk_assessment"))) {
            fixtures.as(analyst)
                    .queryParam("company_id", company)
                    .queryParams(overlapping)
                    .get("/api/v1/analysis-reports")
                    .then()
                    .body("items.id", equalTo(List.of(id)));
        }
        for (Map<String, String> outside : List.of(
                Map.of("from", "2024-07-01"),
                Map.of("to", "2024-03-31"),
                Map.of("report_type", "custom"),
                Map.of("status", "draft"))) {
            fixtures.as(analyst)
                    .queryParam("company_id", company)
                    .queryParams(outside)
                    .get("/api/v1/analysis-reports")
                    .then()
                    .body("items", hasSize(0));
        }
        fixtures.as(analyst)
                .body(Map.of(
                        "report_type",
                        "custom",
                        "title",
                        "Backwards",
                        "period_start",
                        "2024-06-30",
                        "period_end",
                        "2024-04-01"))
                .post("/api/v1/analysis-reports")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("period_end"));
    }

    private String linked(String title, String primary, List<String> related, double sentiment) {
        return fixtures.as(analyst)
                .body(Map.of(
                        "event_type",
                        "partnership",
                        "title",
                        title,
                        "event_date",
                        "2024-05-01",
                        "primary_company_id",
                        primary,
                        "related_companies",
                        related,
                        "sentiment_score",
                        sentiment))
                .post("/api/v1/market-intelligence")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void event(String type, String date, double sentiment) {
        fixtures.as(analyst)
                .body(Map.of(
                        "event_type",
                        type,
                        "title",
                        type + " " + UUID.randomUUID(),
                        "event_date",
                        date,
                        "primary_company_id",
                        company,
                        "sentiment_score",
                        sentiment))
                .post("/api/v1/market-intelligence")
                .then()
                .statusCode(201);
    }
}
