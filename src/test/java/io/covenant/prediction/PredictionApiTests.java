package io.covenant.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class PredictionApiTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RiskModels models;

    Person analyst;

    String company;

    String sector;

    @BeforeEach
    void setUp() {
        analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        sector = "Risk " + UUID.randomUUID();
        company = fixtures.as(analyst)
                .body(Map.of("symbol", "RSK", "name", "Risky Co", "sector", sector))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void anAnnualPredictionIsScoredWithReasonsAndARepeatUpdatesIt() {
        Map<String, Object> body = annual("2024", 0.4, 6.0, 0.03, 4.0, 0.02);
        var first = fixtures.as(analyst)
                .body(body)
                .post("/api/v1/predictions/annual")
                .then()
                .statusCode(201)
                .body("updated", equalTo(false))
                .body("risk_level", notNullValue())
                .body("model_version", equalTo(models.annualArtifact().version()))
                .body("reasons.model", equalTo(List.of("logistic", "gbm")))
                .extract()
                .jsonPath();
        Scores.Scored expected = models.scoreAnnual(new double[] {0.4, 6.0, 0.03, 4.0, 0.02});
        assertThat(first.getDouble("probability")).isCloseTo(expected.ensembleProbability(), within(0.00005));
        assertThat(first.getDouble("logistic_probability")).isCloseTo(expected.logisticProbability(), within(0.00005));
        assertThat(first.getDouble("gbm_probability")).isCloseTo(expected.gbmProbability(), within(0.00005));
        Map<String, Float> points = first.getMap("reasons[0].contributions");
        double sum = first.getDouble("reasons[0].intercept")
                + points.values().stream().mapToDouble(Float::doubleValue).sum();
        assertThat(sum).isCloseTo(first.getDouble("reasons[0].score"), within(1e-5));
        assertThat(1 / (1 + Math.exp(-sum))).isCloseTo(first.getDouble("logistic_probability"), within(0.0001));

        fixtures.as(analyst)
                .body(annual("2024", 1.8, 40.0, -0.5, 0.5, -0.4))
                .post("/api/v1/predictions/annual")
                .then()
                .statusCode(200)
                .body("updated", equalTo(true))
                .body("id", equalTo(first.getString("id")))
                .body("ratios.total_debt_to_ebitda", equalTo(40.0f));
        fixtures.as(analyst)
                .queryParam("company_id", company)
                .get("/api/v1/predictions/annual")
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void aStoredPredictionKeepsTheVersionThatScoredItAndARescoreRecordsTheCurrentOne() {
        String id = fixtures.as(analyst)
                .body(annual("2023", 0.4, 6.0, 0.03, 4.0, 0.02))
                .post("/api/v1/predictions/annual")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // As if an earlier model had scored it.
        fixtures.jdbc()
                .sql("UPDATE annual_predictions SET model_version = '1.0.0+earlier' WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();
        fixtures.as(analyst)
                .get("/api/v1/predictions/annual/" + id)
                .then()
                .statusCode(200)
                .body("model_version", equalTo("1.0.0+earlier"));
        fixtures.as(analyst)
                .body(annual("2023", 0.5, 8.0, 0.01, 3.0, 0.01))
                .put("/api/v1/predictions/annual/" + id)
                .then()
                .statusCode(200)
                .body("model_version", equalTo(models.annualArtifact().version()));
    }

    @Test
    void ratiosOutsideTheirRangesAre422NamingTheRatioAndRange() {
        fixtures.as(analyst)
                .body(annual("2024", 2.5, 6.0, 0.03, 4.0, 0.02))
                .post("/api/v1/predictions/annual")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("long_term_debt_to_total_capital"))
                .body("errors[0].message", equalTo("must be between 0 and 2"));
        Map<String, Object> quarterly = quarterly("2024", "Q5", 1.2, 0.9, 6.0, 5.0, 8.0, 0.2);
        fixtures.as(analyst)
                .body(quarterly)
                .post("/api/v1/predictions/quarterly")
                .then()
                .statusCode(422)
                .body("detail", containsString("debt_to_equity must be between 0 and 5"))
                .body("detail", containsString("reporting_quarter must be one of Q1, Q2, Q3, Q4"));
    }

    @Test
    void aQuarterlyPredictionCombinesBothModels() {
        var q = fixtures.as(analyst)
                .body(quarterly("2024", "Q2", 1.2, 0.9, 1.5, 5.0, 8.0, 0.2))
                .post("/api/v1/predictions/quarterly")
                .then()
                .statusCode(201)
                .body("reasons.model", equalTo(List.of("logistic", "gbm")))
                .extract()
                .jsonPath();
        assertThat(q.getDouble("ensemble_probability"))
                .isCloseTo(
                        models.scoreQuarterly(new double[] {1.2, 0.9, 1.5, 5.0, 8.0, 0.2})
                                .ensembleProbability(),
                        within(0.00005));
        fixtures.as(analyst)
                .queryParam("sector", sector)
                .queryParam("reporting_quarter", "Q2")
                .get("/api/v1/predictions/quarterly")
                .then()
                .body("items", hasSize(1))
                .body("items[0].company_symbol", equalTo("RSK"));
        fixtures.as(analyst)
                .queryParam("reporting_quarter", "Q3")
                .queryParam("company_id", company)
                .get("/api/v1/predictions/quarterly")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void withoutRatiosTheImportedFinancialsAreScored() {
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        String tesla = fixtures.as(admin)
                .multiPart(
                        "file",
                        Path.of("..", "shared", "data", "sec", "companyfacts_CIK0001318605_TSLA.json")
                                .toFile())
                .multiPart("ticker", "TSLA")
                .contentType("multipart/form-data")
                .post("/api/v1/companies/import/edgar")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].company_id");
        fixtures.as(analyst)
                .body(Map.of("company_id", tesla, "reporting_year", "2022", "reporting_quarter", "Q3"))
                .post("/api/v1/predictions/quarterly")
                .then()
                .statusCode(201)
                .body("ratios.current_ratio", equalTo((float) round4(35990d / 24611)))
                .body("ratios.debt_to_equity", equalTo((float) round4(33302d / 39851)));
        fixtures.as(analyst)
                .body(Map.of("company_id", tesla, "reporting_year", "1999"))
                .post("/api/v1/predictions/annual")
                .then()
                .statusCode(422)
                .body("detail", containsString("no imported financials for 1999"));
    }

    @Test
    void predictionsOnAnotherOrganizationsCompanyAre404() {
        Person outsider = fixtures.person(Role.ORG_ADMIN, fixtures.organization(null));
        fixtures.as(outsider)
                .body(annual("2024", 0.4, 6.0, 0.03, 4.0, 0.02))
                .post("/api/v1/predictions/annual")
                .then()
                .statusCode(404);
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private Map<String, Object> annual(
            String year, double ltd, double debtEbitda, double margin, double interest, double roa) {
        Map<String, Object> body = new HashMap<>();
        body.put("company_id", company);
        body.put("reporting_year", year);
        body.put("long_term_debt_to_total_capital", ltd);
        body.put("total_debt_to_ebitda", debtEbitda);
        body.put("net_income_margin", margin);
        body.put("ebit_to_interest_expense", interest);
        body.put("return_on_assets", roa);
        return body;
    }

    private Map<String, Object> quarterly(
            String year,
            String quarter,
            double current,
            double quick,
            double de,
            double inventory,
            double receivables,
            double workingCapital) {
        Map<String, Object> body = new HashMap<>();
        body.put("company_id", company);
        body.put("reporting_year", year);
        body.put("reporting_quarter", quarter);
        body.put("current_ratio", current);
        body.put("quick_ratio", quick);
        body.put("debt_to_equity", de);
        body.put("inventory_turnover", inventory);
        body.put("receivables_turnover", receivables);
        body.put("working_capital_to_total_assets", workingCapital);
        return body;
    }
}
