package io.covenant.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class MetricApiTests {

    @Autowired
    Fixtures fixtures;

    Person analyst;

    String company;

    String sector;

    @BeforeEach
    void setUp() {
        analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        sector = "Metrics " + UUID.randomUUID();
        company = createCompany("MET");
    }

    @Test
    void aDailySeriesAggregatesIntoCorrectBuckets() {
        // 2024-01-01 (a Monday) .. 2024-12-31, value = day of year.
        List<Map<String, Object>> points = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() == 2024; d = d.plusDays(1)) {
            points.add(point("mau", d, d.getDayOfYear(), "daily"));
        }
        write(company, points).then().statusCode(200).body("written", equalTo(366));
        // Writing the same points again is idempotent.
        write(company, points).then().statusCode(200).body("written", equalTo(0));

        var months = fixtures.as(analyst)
                .queryParam("bucket", "month")
                .queryParam("from", "2024-01-01")
                .queryParam("to", "2024-12-31")
                .get("/api/v1/companies/" + company + "/metrics/mau/buckets")
                .then()
                .statusCode(200)
                .body("$", hasSize(12))
                .extract()
                .jsonPath();
        assertThat(months.getString("[1].bucket_start")).startsWith("2024-02-01");
        assertThat(months.getDouble("[1].avg")).isEqualTo((32 + 60) / 2.0);
        assertThat(months.getDouble("[1].min")).isEqualTo(32);
        assertThat(months.getDouble("[1].max")).isEqualTo(60);
        assertThat(months.getInt("[1].count")).isEqualTo(29);
        assertThat(months.getDouble("[1].last")).isEqualTo(60);

        var quarters = fixtures.as(analyst)
                .queryParam("bucket", "quarter")
                .get("/api/v1/companies/" + company + "/metrics/mau/buckets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(quarters.getList("count", Integer.class)).containsExactly(91, 91, 92, 92);
        var weeks = fixtures.as(analyst)
                .queryParam("bucket", "week")
                .queryParam("from", "2024-01-01")
                .queryParam("to", "2024-01-14")
                .get("/api/v1/companies/" + company + "/metrics/mau/buckets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(weeks.getList("count", Integer.class)).containsExactly(7, 7);
        assertThat(weeks.getDouble("[1].avg")).isEqualTo(11);
        fixtures.as(analyst)
                .queryParam("bucket", "year")
                .get("/api/v1/companies/" + company + "/metrics/mau/buckets")
                .then()
                .body("[0].count", equalTo(366))
                .body("[0].last", equalTo(366.0f));

        fixtures.as(analyst)
                .queryParam("from", "2024-03-01")
                .queryParam("to", "2024-03-03")
                .get("/api/v1/companies/" + company + "/metrics/mau")
                .then()
                .statusCode(200)
                .body("metric_date", equalTo(List.of("2024-03-01", "2024-03-02", "2024-03-03")))
                .body("value", equalTo(List.of(61.0f, 62.0f, 63.0f)));
        fixtures.as(analyst)
                .queryParam("bucket", "fortnight")
                .get("/api/v1/companies/" + company + "/metrics/mau/buckets")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("bucket"));
    }

    @Test
    void theLatestValueOfEachMetricForASetOfCompanies() {
        String other = createCompany("MET2");
        write(
                        company,
                        List.of(
                                point("revenue", LocalDate.of(2023, 12, 31), 10, "annual"),
                                point("revenue", LocalDate.of(2024, 12, 31), 12, "annual"),
                                point("net_income", LocalDate.of(2024, 12, 31), 2, "annual")))
                .then()
                .statusCode(200);
        write(other, List.of(point("revenue", LocalDate.of(2024, 6, 30), 7, "quarterly")))
                .then()
                .statusCode(200);
        var latest = fixtures.as(analyst)
                .queryParam("company_id", company)
                .queryParam("company_id", other)
                .get("/api/v1/metrics/latest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(latest.getList(company + ".metric_type", String.class)).containsExactly("net_income", "revenue");
        assertThat(latest.getDouble(company + "[1].value")).isEqualTo(12);
        assertThat(latest.getDouble(other + "[0].value")).isEqualTo(7);

        fixtures.as(analyst)
                .queryParam("sector", sector)
                .queryParam("metric_type", "revenue")
                .queryParam("from", "2024-01-01")
                .queryParam("to", "2024-12-31")
                .get("/api/v1/metrics/sector-comparison")
                .then()
                .statusCode(200)
                .body("symbol", equalTo(List.of("MET", "MET2")))
                .body("last", equalTo(List.of(12.0f, 7.0f)));
    }

    @Test
    void aPeriodTypeKeepsOnlyItsPointsInASeriesAndItsBuckets() {
        write(
                        company,
                        List.of(
                                point("revenue", LocalDate.of(2024, 3, 31), 10, "quarterly"),
                                point("revenue", LocalDate.of(2024, 6, 30), 20, "quarterly"),
                                point("revenue", LocalDate.of(2024, 12, 31), 100, "annual")))
                .then()
                .statusCode(200);
        String series = "/api/v1/companies/" + company + "/metrics/revenue";
        fixtures.as(analyst).get(series).then().statusCode(200).body("value", equalTo(List.of(10f, 20f, 100f)));
        fixtures.as(analyst)
                .queryParam("period_type", "quarterly")
                .get(series)
                .then()
                .statusCode(200)
                .body("value", equalTo(List.of(10f, 20f)));
        fixtures.as(analyst)
                .queryParam("bucket", "year")
                .get(series + "/buckets")
                .then()
                .statusCode(200)
                .body("count", equalTo(List.of(3)));
        fixtures.as(analyst)
                .queryParam("bucket", "year")
                .queryParam("period_type", "annual")
                .get(series + "/buckets")
                .then()
                .statusCode(200)
                .body("count", equalTo(List.of(1)))
                .body("avg", equalTo(List.of(100f)));
    }

    @Test
    void badPointsAreRejectedAndNothingIsKept() {
        write(
                        company,
                        List.of(
                                point("revenue", LocalDate.of(2024, 1, 1), 1, "annual"),
                                point("astrology", LocalDate.of(2024, 1, 1), 1, "annual")))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("metric_type"));
        fixtures.as(analyst)
                .get("/api/v1/companies/" + company + "/metrics/revenue")
                .then()
                .body("$", hasSize(0));
        write(company, List.of(point("revenue", LocalDate.of(2024, 1, 1), 1, "hourly")))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("points[0].period_type"));
    }

    @Test
    void anotherOrganizationCannotReadOrWriteTheSeries() {
        Person outsider = fixtures.person(Role.ORG_ADMIN, fixtures.organization(null));
        fixtures.as(outsider)
                .get("/api/v1/companies/" + company + "/metrics/revenue")
                .then()
                .statusCode(404);
        fixtures.as(outsider)
                .body(Map.of("points", List.of(point("revenue", LocalDate.of(2024, 1, 1), 1, "annual"))))
                .post("/api/v1/companies/" + company + "/metrics")
                .then()
                .statusCode(404);
        fixtures.as(outsider)
                .queryParam("company_id", company)
                .get("/api/v1/metrics/latest")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void theCompanyPageHoldsProfileFilingsAndLatestMetrics() {
        write(
                        company,
                        List.of(
                                point("revenue", LocalDate.of(2024, 12, 31), 12, "annual"),
                                point("mau", LocalDate.of(2024, 12, 31), 5, "monthly")))
                .then()
                .statusCode(200);
        fixtures.as(analyst)
                .get("/api/v1/companies/" + company + "/page")
                .then()
                .statusCode(200)
                .body("company.symbol", equalTo("MET"))
                .body("latest_filings", hasSize(0))
                .body("latest_metrics.metric_type", equalTo(List.of("mau", "revenue")));
    }

    private String createCompany(String symbol) {
        return fixtures.as(analyst)
                .body(Map.of("symbol", symbol, "name", symbol + " Inc", "sector", sector))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Response write(String companyId, List<Map<String, Object>> points) {
        return fixtures.as(analyst).body(Map.of("points", points)).post("/api/v1/companies/" + companyId + "/metrics");
    }

    private static Map<String, Object> point(String type, LocalDate date, double value, String period) {
        Map<String, Object> point = new HashMap<>();
        point.put("metric_type", type);
        point.put("metric_date", date.toString());
        point.put("value", value);
        point.put("period_type", period);
        return point;
    }
}
