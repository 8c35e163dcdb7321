package io.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class AuditLogTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog auditLog;

    @Test
    void aMutationLeavesExactlyOneEntryWithOldAndNewValuesAndTheRequestId() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        String requestId = "req-" + UUID.randomUUID();
        fixtures.as(admin)
                .header("X-Request-Id", requestId)
                .body(Map.of("name", "Renamed Org", "industry", "Lending"))
                .put("/api/v1/organizations/" + org)
                .then()
                .statusCode(200)
                .header("X-Request-Id", requestId);
        List<Map<String, Object>> rows = entries(requestId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("action", "UPDATE")
                .containsEntry("entity_type", "organization")
                .containsEntry("entity_id", org)
                .containsEntry("user_id", admin.id())
                .containsEntry("ip", "127.0.0.1");
        assertThat((String) rows.get(0).get("new_values")).contains("\"name\": \"Renamed Org\"");
        assertThat((String) rows.get(0).get("old_values")).contains("\"name\": \"Org ");
    }

    @Test
    void signInsSignOutsAndFailuresAreAudited() {
        Person person = fixtures.person(Role.USER, null);
        String failed = "req-" + UUID.randomUUID();
        fixtures.anonymous()
                .header("X-Request-Id", failed)
                .body(Map.of("email", person.email(), "password", "definitely wrong"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);
        assertThat(entries(failed)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "FAILED_LOGIN"));

        String out = "req-" + UUID.randomUUID();
        fixtures.as(person)
                .header("X-Request-Id", out)
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);
        assertThat(entries(out)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "LOGOUT"));
        assertThat(fixtures.jdbc()
                        .sql("SELECT count(*) FROM audit_logs WHERE user_id = ? AND action = 'LOGIN'")
                        .param(person.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void secretsNeverReachTheAuditLog() {
        Person person = fixtures.person(Role.USER, null);
        String key = fixtures.as(person)
                .body(Map.of("name", "k", "scopes", List.of("companies:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        String all = fixtures.jdbc()
                .sql(
                        "SELECT string_agg(coalesce(new_values::text, '') || coalesce(old_values::text, ''), ' ') FROM audit_logs WHERE user_id = ?")
                .param(person.id())
                .query(String.class)
                .single();
        assertThat(all).doesNotContain(key).doesNotContain("$argon2");
    }

    @Test
    void adminsQueryTheirOrganizationsLogWithFiltersAndCursors() {
        UUID org = fixtures.organization(null);
        UUID other = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        Person otherAdmin = fixtures.person(Role.ORG_ADMIN, other);
        for (int i = 0; i < 5; i++) {
            fixtures.as(admin)
                    .body(Map.of("name", "Name " + i))
                    .put("/api/v1/organizations/" + org)
                    .then()
                    .statusCode(200);
        }
        fixtures.as(otherAdmin)
                .body(Map.of("name", "Elsewhere"))
                .put("/api/v1/organizations/" + other)
                .then()
                .statusCode(200);

        var first = fixtures.as(admin)
                .queryParam("entity_type", "organization")
                .queryParam("limit", 3)
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.organization_id", everyItem(equalTo(org.toString())))
                .body("next_cursor", notNullValue())
                .extract()
                .jsonPath();
        fixtures.as(admin)
                .queryParam("entity_type", "organization")
                .queryParam("limit", 3)
                .queryParam("cursor", first.getString("next_cursor"))
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.new_values.name", equalTo(List.of("Name 1", "Name 0")));
        fixtures.as(admin)
                .queryParam("cursor", "garbage")
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(422);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        fixtures.as(member).get("/api/v1/audit-logs").then().statusCode(403);
    }

    @Test
    void eachFilterOfTheLogKeepsOnlyTheEntriesItMatches() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        String requestId = "req-" + UUID.randomUUID();
        fixtures.as(admin)
                .header("X-Request-Id", requestId)
                .body(Map.of("name", "Filtered"))
                .put("/api/v1/organizations/" + org)
                .then()
                .statusCode(200);
        String hourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString();
        String inAnHour = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
        Map<String, Object> matching = Map.of(
                "request_id", requestId,
                "user_id", admin.id(),
                "organization_id", org,
                "entity_type", "organization",
                "entity_id", org,
                "action", "update",
                "from", hourAgo,
                "to", inAnHour);
        assertThat(count(admin, matching)).isEqualTo(1);
        Map<String, Object> other = Map.of(
                "user_id",
                UUID.randomUUID(),
                "organization_id",
                UUID.randomUUID(),
                "entity_type",
                "company",
                "entity_id",
                UUID.randomUUID(),
                "action",
                "delete",
                "from",
                inAnHour,
                "to",
                hourAgo);
        other.forEach((name, value) -> {
            Map<String, Object> params = new HashMap<>(matching);
            params.put(name, value);
            assertThat(count(admin, params)).as(name).isZero();
        });
    }

    private int count(Person person, Map<String, Object> params) {
        return fixtures.as(person)
                .queryParams(params)
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
    }

    @Test
    void entriesPastTheRetentionPeriodAreRemoved() {
        UUID old = fixtures.jdbc()
                .sql(
                        "INSERT INTO audit_logs (event_type, entity_type, action, created_at) VALUES ('x', 'y', 'CREATE', now() - interval '91 days') RETURNING id")
                .query(UUID.class)
                .single();
        UUID recent = fixtures.jdbc()
                .sql(
                        "INSERT INTO audit_logs (event_type, entity_type, action, created_at) VALUES ('x', 'y', 'CREATE', now() - interval '89 days') RETURNING id")
                .query(UUID.class)
                .single();
        assertThat(auditLog.removeExpired()).isPositive();
        assertThat(fixtures.jdbc()
                        .sql("SELECT count(*) FROM audit_logs WHERE id IN (?, ?)")
                        .params(old, recent)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private List<Map<String, Object>> entries(String requestId) {
        return fixtures.jdbc()
                .sql(
                        "SELECT action, entity_type, entity_id, user_id, host(ip_address) AS ip, old_values::text, new_values::text FROM audit_logs WHERE request_id = ?")
                .param(requestId)
                .query()
                .listOfRows();
    }
}
