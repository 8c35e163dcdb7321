package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class AuthenticationTests {

    @Autowired
    Fixtures fixtures;

    @Test
    void aNewAccountRegistersVerifiesSignsInAndSeesItself() {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        String token = fixtures.anonymous()
                .body(Map.of("email", email, "password", "violet harbour lantern", "first_name", "Ada"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201)
                .body("user.email", equalTo(email))
                .body("user.role", equalTo("user"))
                .body("user.is_verified", equalTo(false))
                .body("user", Matchers.not(Matchers.hasKey("password_hash")))
                .extract()
                .path("verification_token");
        fixtures.anonymous()
                .body(Map.of("token", token))
                .post("/api/v1/auth/verify")
                .then()
                .statusCode(200)
                .body("is_verified", equalTo(true));
        fixtures.anonymous()
                .body(Map.of("token", token))
                .post("/api/v1/auth/verify")
                .then()
                .statusCode(422);

        Map<String, Object> tokens = fixtures.login(email, "violet harbour lantern");
        assertThat(tokens).containsEntry("token_type", "Bearer").containsKeys("access_token", "refresh_token");
        assertThat(tokens.get("expires_in")).isEqualTo(900);
        fixtures.anonymous()
                .auth()
                .oauth2((String) tokens.get("access_token"))
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("last_login", notNullValue())
                .body("permissions", hasItem("predictions:write"));
    }

    @Test
    void passwordsAreStoredWithArgon2() {
        Person person = fixtures.person(Role.USER, null);
        String hash = fixtures.jdbc()
                .sql("SELECT password_hash FROM users WHERE id = ?")
                .param(person.id())
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$argon2id$");
    }

    @Test
    void aDuplicateEmailIsAConflictWhateverItsCase() {
        Person person = fixtures.person(Role.USER, null);
        fixtures.anonymous()
                .body(Map.of("email", person.email().toUpperCase(), "password", "quiet lantern orbit meadow"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("email"));
    }

    @Test
    void registrationValidatesEveryField() {
        fixtures.anonymous()
                .body(Map.of("email", "not-an-email", "password", "short"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("email"));
        fixtures.anonymous()
                .body(Map.of("email", "ok-" + UUID.randomUUID() + "@example.com", "password", "short"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("password"))
                .body("errors[0]", Matchers.not(Matchers.hasKey("rejected_value")));
        fixtures.anonymous()
                .body(Map.of("email", "ok-" + UUID.randomUUID() + "@example.com", "password", "x".repeat(200)))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(422)
                .body(Matchers.not(containsString("xxxxxxxxxx")));
        fixtures.anonymous()
                .body("{not json")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aRefreshTokenRotatesAndItsReuseRevokesTheSession() {
        Person person = fixtures.person(Role.USER, null);
        String second = fixtures.anonymous()
                .body(Map.of("refresh_token", person.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(200)
                .extract()
                .path("refresh_token");
        assertThat(second).isNotEqualTo(person.refreshToken());

        // The first token leaked and is replayed: the whole session dies, including the newer token.
        fixtures.anonymous()
                .body(Map.of("refresh_token", person.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401)
                .body("type", containsString("refresh-token-reused"));
        fixtures.anonymous()
                .body(Map.of("refresh_token", second))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
    }

    @Test
    void refreshTokensAreStoredHashed() {
        Person person = fixtures.person(Role.USER, null);
        long plain = fixtures.jdbc()
                .sql("SELECT count(*) FROM user_sessions WHERE refresh_token_hash = ?")
                .param(person.refreshToken())
                .query(Long.class)
                .single();
        assertThat(plain).isZero();
        String ip = fixtures.jdbc()
                .sql("SELECT host(ip_address) FROM user_sessions WHERE user_id = ?")
                .param(person.id())
                .query(String.class)
                .single();
        assertThat(ip).isEqualTo("127.0.0.1");
    }

    @Test
    void repeatedBadPasswordsFromOneAddressWaitWithRetryAfter() {
        Person person = fixtures.person(Role.USER, null);
        for (int i = 1; i <= 5; i++) {
            fixtures.anonymous()
                    .body(Map.of("email", person.email(), "password", "wrong password " + i))
                    .post("/api/v1/auth/login")
                    .then()
                    .statusCode(401);
        }
        // The sixth attempt from the same address comes before the one second the fifth failure asks it to wait.
        fixtures.anonymous()
                .body(Map.of("email", person.email(), "password", "wrong password 6"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Person person = fixtures.person(Role.USER, null);
        fixtures.as(person)
                .body(Map.of("refresh_token", person.refreshToken()))
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);
        fixtures.anonymous()
                .body(Map.of("refresh_token", person.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
    }

    @Test
    void changingThePasswordEndsEverySession() {
        Person person = fixtures.person(Role.USER, null);
        fixtures.as(person)
                .body(Map.of("current_password", "not it at all", "new_password", "maple cinder 1972 harbour"))
                .post("/api/v1/users/me/password")
                .then()
                .statusCode(401);
        fixtures.as(person)
                .body(Map.of("current_password", Fixtures.PASSWORD, "new_password", "maple cinder 1972 harbour"))
                .post("/api/v1/users/me/password")
                .then()
                .statusCode(204);
        fixtures.anonymous()
                .body(Map.of("refresh_token", person.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
        assertThat(fixtures.login(person.email(), "maple cinder 1972 harbour")).containsKey("access_token");
    }

    @Test
    void aDeactivatedAccountCannotSignIn() {
        Person person = fixtures.person(Role.USER, null);
        fixtures.as(person)
                .post("/api/v1/users/" + person.id() + "/deactivate")
                .then()
                .statusCode(200)
                .body("is_active", equalTo(false));
        fixtures.anonymous()
                .body(Map.of("email", person.email(), "password", Fixtures.PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);
    }

    @Test
    void aForgedTokenIsRefused() {
        fixtures.anonymous()
                .auth()
                .oauth2("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get("/api/v1/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("request_id", notNullValue());
        fixtures.anonymous()
                .get("/api/v1/users/me")
                .then()
                .statusCode(401)
                .body("type", containsString("unauthenticated"));
    }

    @Test
    void theSystemAccountCanNeverSignIn() {
        fixtures.anonymous()
                .body(Map.of("email", "system@covenant.internal", "password", "!"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401)
                .body("access_token", nullValue());
    }
}
