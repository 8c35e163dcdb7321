package io.covenant.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.shared.security.Role;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class ActuatorTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        RestAssured.port = port;
    }

    @Test
    void healthReportsTheDatabaseUpToAnOperator() {
        fixtures.as(fixtures.person(Role.SUPER_ADMIN, null))
                .get("/actuator/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("components.db.status", equalTo("UP"))
                .body("components.db.details.database", equalTo("PostgreSQL"));
    }

    @Test
    void infoReportsTheBuildAndTheSchemaVersion() {
        RestAssured.get("/actuator/info")
                .then()
                .statusCode(200)
                .body("build.artifact", equalTo("covenant"))
                .body("schema.version", notNullValue())
                .body("schema.pending", equalTo(0));
    }

    @Test
    void everyResponseCarriesARequestId() {
        RestAssured.given()
                .header("X-Request-Id", "trace-12345678")
                .get("/actuator/health")
                .then()
                .header("X-Request-Id", equalTo("trace-12345678"));
        RestAssured.get("/actuator/health").then().header("X-Request-Id", notNullValue());
    }

    @Test
    void unknownRoutesAnswerProblemJson() {
        RestAssured.get("/api/v1/no-such-thing").then().statusCode(401).contentType("application/problem+json");
        fixtures.as(fixtures.person(Role.SUPER_ADMIN, null))
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
