package io.covenant.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, defect 5: anyone learns only UP or DOWN from the health endpoint (and the probes keep working);
 * components, details, metrics and the Prometheus scrape need the {@code ops:read} permission.
 */
@ApiTest
class ActuatorExposureTests {

    @Autowired
    Fixtures fixtures;

    @Test
    void anonymousHealthSaysOnlyUpOrDown() {
        fixtures.anonymous()
                .get("/actuator/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("$", not(hasKey("components")))
                .body("$", not(hasKey("details")))
                .body(not(containsString("PostgreSQL")))
                .body(not(containsString("path")));
        fixtures.anonymous()
                .get("/actuator/health/liveness")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        fixtures.anonymous()
                .get("/actuator/health/readiness")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        fixtures.anonymous().get("/actuator/health/db").then().statusCode(401);
        fixtures.anonymous().get("/actuator/health/diskSpace").then().statusCode(401);
    }

    @Test
    void aSignedInAccountWithoutOpsReadSeesNoDetailsNorMetrics() {
        Person user = fixtures.person(Role.USER, null);
        Person orgAdmin = fixtures.person(Role.ORG_ADMIN, fixtures.organization(null));
        for (Person person : new Person[] {user, orgAdmin}) {
            fixtures.as(person).get("/actuator/health").then().statusCode(200).body("$", not(hasKey("components")));
            fixtures.as(person).get("/actuator/metrics").then().statusCode(403).contentType("application/problem+json");
            fixtures.as(person).get("/actuator/metrics/jvm.memory.used").then().statusCode(403);
            fixtures.as(person).get("/actuator/prometheus").then().statusCode(403);
        }
        fixtures.anonymous().get("/actuator/metrics").then().statusCode(401).contentType("application/problem+json");
        fixtures.anonymous().get("/actuator/prometheus").then().statusCode(401);
    }

    @Test
    void opsReadShowsDetailsMetricsAndPrometheus() {
        Person superAdmin = fixtures.person(Role.SUPER_ADMIN, null);
        fixtures.as(superAdmin)
                .get("/actuator/health")
                .then()
                .statusCode(200)
                .body("components.db.details.database", equalTo("PostgreSQL"));
        fixtures.as(superAdmin).get("/actuator/metrics").then().statusCode(200).body("names", notNullValue());
        fixtures.as(superAdmin)
                .get("/actuator/prometheus")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));

        // Granted like audit:read, by someone who holds it; the grant takes effect with a refreshed token.
        UUID org = fixtures.organization(null);
        Person operator = fixtures.person(Role.ORG_MEMBER, org);
        fixtures.as(superAdmin)
                .put("/api/v1/users/" + operator.id() + "/permissions/ops:read")
                .then()
                .statusCode(200);
        String token = fixtures.anonymous()
                .body(Map.of("refresh_token", operator.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        fixtures.anonymous()
                .auth()
                .oauth2(token)
                .get("/actuator/prometheus")
                .then()
                .statusCode(200);
        fixtures.anonymous()
                .auth()
                .oauth2(token)
                .get("/actuator/health")
                .then()
                .statusCode(200)
                .body("components.db.status", equalTo("UP"));
    }
}
