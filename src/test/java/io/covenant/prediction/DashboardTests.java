package io.covenant.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboards on 100,000 annual and 100,000 quarterly predictions, against counts known by construction. */
@ApiTest
class DashboardTests {

    static final int COMPANIES = 1_000;

    @Autowired
    Fixtures fixtures;

    @Test
    void dashboardsCountCorrectlyOnTwoHundredThousandPredictions() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        String tag = "D" + Fixtures.unique(5);
        fixtures.jdbc()
                .sql("""
				INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
				SELECT :tag || n, 'Dash ' || n, 'Sector ' || (n % 7), 'organization', :org, :user
				FROM generate_series(0, :n - 1) n""")
                .param("tag", tag)
                .param("org", org)
                .param("user", admin.id())
                .param("n", COMPANIES)
                .update();
        // Annual: 100 years per company; the risk level cycles with (company number + year).
        fixtures.jdbc()
                .sql("""
				INSERT INTO annual_predictions (company_id, reporting_year, probability, risk_level, confidence,
				  predicted_at, access_level, organization_id, created_by)
				SELECT c.id, (1900 + y)::text, 0.1, (ARRAY['Low', 'Medium', 'High'])[1 + (substr(c.symbol, length(:tag) + 1)::int + y) % 3],
				       0.5, now(), 'organization', :org, :user
				FROM companies c CROSS JOIN generate_series(0, 99) y WHERE c.organization_id = :org""")
                .param("tag", tag)
                .param("org", org)
                .param("user", admin.id())
                .update();
        // Quarterly: 25 years x 4 quarters; logistic 0.2, gbm 0.4, ensemble 0.3.
        fixtures.jdbc().sql("""
				INSERT INTO quarterly_predictions (company_id, reporting_year, reporting_quarter, logistic_probability,
				  gbm_probability, ensemble_probability, risk_level, confidence, predicted_at, access_level, organization_id, created_by)
				SELECT c.id, (2000 + y)::text, 'Q' || q, 0.2, 0.4, 0.3, 'High', 0.25 * q, now(), 'organization', :org, :user
				FROM companies c CROSS JOIN generate_series(0, 24) y CROSS JOIN generate_series(1, 4) q
				WHERE c.organization_id = :org""").param("org", org).param("user", admin.id()).update();

        String year = "1950";
        Map<String, Long> expected = new HashMap<>();
        for (int n = 0; n < COMPANIES; n++) {
            String level = List.of("Low", "Medium", "High").get((n + 50) % 3);
            expected.merge("Sector " + (n % 7) + "|" + level, 1L, Long::sum);
        }
        List<Map<String, Object>> distribution = fixtures.as(admin)
                .queryParam("reporting_year", year)
                .get("/api/v1/predictions/dashboard/risk-by-sector")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        Map<String, Long> actual = new HashMap<>();
        distribution.forEach(row ->
                actual.put(row.get("sector") + "|" + row.get("risk_level"), ((Number) row.get("count")).longValue()));
        assertThat(actual).isEqualTo(expected);

        List<Map<String, Object>> deviation = fixtures.as(admin)
                .get("/api/v1/predictions/dashboard/model-deviation")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertThat(deviation).hasSize(100);
        assertThat(deviation.get(0))
                .containsEntry("reporting_year", "2024")
                .containsEntry("reporting_quarter", "Q4")
                .containsEntry("predictions", COMPANIES);
        assertThat(((Number) deviation.get(0).get("logistic_deviation")).doubleValue())
                .isCloseTo(0.1, within(1e-6));
        assertThat(((Number) deviation.get(0).get("avg_confidence")).doubleValue())
                .isCloseTo(1.0, within(1e-6));

        Map<String, Object> summary = fixtures.as(admin)
                .get("/api/v1/predictions/dashboard/summary")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertThat(((Number) summary.get("total_predictions")).longValue()).isEqualTo(200_000);
        long highAnnual = 0;
        for (int n = 0; n < COMPANIES; n++) {
            for (int y = 0; y < 100; y++) {
                highAnnual += (n + y) % 3 == 2 ? 1 : 0;
            }
        }
        assertThat(((Number) summary.get("high_risk_count")).longValue()).isEqualTo(highAnnual + 100_000);

        // A write drops the cached summary.
        String company = fixtures.jdbc()
                .sql("SELECT id::text FROM companies WHERE symbol = ?")
                .param(tag + "0")
                .query(String.class)
                .single();
        fixtures.as(admin)
                .body(Map.of("company_id", company, "reporting_year", "2101", "current_ratio", 1.0))
                .post("/api/v1/predictions/annual")
                .then()
                .statusCode(422);
        fixtures.as(admin)
                .body(Map.of("company_id", company, "reporting_year", "2101", "net_income_margin", 0.1))
                .post("/api/v1/predictions/annual")
                .then()
                .statusCode(201);
        assertThat(((Number) fixtures.as(admin)
                                .get("/api/v1/predictions/dashboard/summary")
                                .then()
                                .extract()
                                .path("total_predictions"))
                        .longValue())
                .isEqualTo(200_001);

        Person outsider = fixtures.person(Role.ORG_ADMIN, fixtures.organization(null));
        fixtures.as(outsider)
                .queryParam("reporting_year", year)
                .queryParam("organization_id", org)
                .get("/api/v1/predictions/dashboard/risk-by-sector")
                .then()
                .statusCode(403);
    }
}
