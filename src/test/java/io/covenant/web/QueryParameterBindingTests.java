package io.covenant.web;

import static org.hamcrest.Matchers.equalTo;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A list's query parameter whose text does not convert to its type is the same 400 on every list, whether the
 * parameter is bound alone or as a component of a params record: the snake_case name, the rejected text.
 */
@ApiTest
class QueryParameterBindingTests {

    private static final String SOME_ID = UUID.randomUUID().toString();

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest(name = "{0}?{1}={2}")
    @CsvSource({
        "/api/v1/market-intelligence, sentiment_min, high",
        "/api/v1/market-intelligence, from, 2024-13-01",
        "/api/v1/analysis-reports, company_id, not-a-uuid",
        "/api/v1/analysis-reports, limit, ten",
        "/api/v1/filings, to, yesterday",
        "/api/v1/companies/{id}/filings, from, x",
        "/api/v1/companies/{id}/metrics/revenue, from, x",
        "/api/v1/companies/{id}/metrics/revenue/daily, to, x",
        "/api/v1/documents, limit, x",
        "/api/v1/uploads, limit, x",
        "/api/v1/predictions/annual, probability_min, x",
        "/api/v1/predictions/quarterly, limit, x",
        "/api/v1/predictions/dashboard/drift, from, x",
        "/api/v1/audit-logs, to, x",
        "/api/v1/companies, limit, x"
    })
    void aValueThatDoesNotConvertIsA400NamingTheParameter(String path, String name, String value) {
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        fixtures.as(admin)
                .queryParam(name, value)
                .get(path.replace("{id}", SOME_ID))
                .then()
                .statusCode(400)
                .body("type", equalTo("https://covenant.dev/problems/bad-request"))
                .body("detail", equalTo("Parameter '" + name + "' has an invalid value"))
                .body("errors[0].field", equalTo(name))
                .body("errors[0].rejected_value", equalTo(value));
    }
}
