package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class ApiKeyTests {

    @Autowired
    Fixtures fixtures;

    @Test
    void aKeyIsShownOnceStoredHashedAndAuthenticatesWithItsScopes() {
        Person person = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        var created = fixtures.as(person)
                .body(Map.of("name", "ci", "scopes", List.of("predictions:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .body("scopes", equalTo(List.of("predictions:read")))
                .extract()
                .jsonPath();
        String key = created.getString("key");
        assertThat(key).startsWith(created.getString("key_prefix") + "_");
        assertThat(fixtures.jdbc()
                        .sql("SELECT count(*) FROM api_keys WHERE key_hash = ? OR key_prefix = ?")
                        .params(key, key)
                        .query(Long.class)
                        .single())
                .isZero();

        fixtures.anonymous()
                .header("X-API-Key", key)
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(person.email()));
        fixtures.as(person)
                .get("/api/v1/api-keys")
                .then()
                .statusCode(200)
                .body("[0]", not(hasKey("key")))
                .body("[0].last_used_at", Matchers.notNullValue());
    }

    @Test
    void scopesBeyondTheUsersOwnPermissionsAreRefused() {
        Person person = fixtures.person(Role.USER, null);
        fixtures.as(person)
                .body(Map.of("name", "too much", "scopes", List.of("audit:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("scopes"))
                .body("detail", containsString("audit:read"));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        Person person = fixtures.person(Role.USER, null);
        var created = fixtures.as(person)
                .body(Map.of("name", "short lived", "scopes", List.of("companies:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        fixtures.anonymous()
                .header("X-API-Key", created.getString("key"))
                .get("/api/v1/users/me")
                .then()
                .statusCode(200);
        fixtures.as(person)
                .delete("/api/v1/api-keys/" + created.getString("id"))
                .then()
                .statusCode(204);
        fixtures.anonymous()
                .header("X-API-Key", created.getString("key"))
                .get("/api/v1/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anExpiredKeyIsRefused() {
        Person person = fixtures.person(Role.USER, null);
        String key = fixtures.as(person)
                .body(Map.of(
                        "name",
                        "expiring",
                        "scopes",
                        List.of("companies:read"),
                        "expires_at",
                        OffsetDateTime.now().plusDays(1).toString()))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        fixtures.jdbc()
                .sql(
                        "UPDATE api_keys SET created_at = now() - interval '3 days', expires_at = now() - interval '1 second' WHERE user_id = ?")
                .param(person.id())
                .update();
        fixtures.anonymous()
                .header("X-API-Key", key)
                .get("/api/v1/users/me")
                .then()
                .statusCode(401);
    }

    @Test
    void aKeyCannotMintKeysAndCarriesOnlyItsScopes() {
        Person person = fixtures.person(Role.ORG_ADMIN, fixtures.organization(null));
        String key = fixtures.as(person)
                .body(Map.of("name", "reader", "scopes", List.of("companies:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        fixtures.anonymous()
                .header("X-API-Key", key)
                .body(Map.of("name", "child", "scopes", List.of("companies:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403);
        fixtures.anonymous()
                .header("X-API-Key", key)
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(403);
        fixtures.as(person).get("/api/v1/audit-logs").then().statusCode(200);
    }

    @Test
    void someoneElsesKeyCannotBeRevoked() {
        Person owner = fixtures.person(Role.USER, null);
        Person other = fixtures.person(Role.USER, null);
        String id = fixtures.as(owner)
                .body(Map.of("name", "mine", "scopes", List.of("companies:read")))
                .post("/api/v1/api-keys")
                .then()
                .extract()
                .path("id");
        fixtures.as(other).delete("/api/v1/api-keys/" + id).then().statusCode(404);
        fixtures.as(owner).get("/api/v1/api-keys").then().body("id", hasItem(id));
    }
}
