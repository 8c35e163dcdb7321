package io.covenant.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, defect 6: weak passwords are refused with the reason; repeated failed sign-ins slow the guessing
 * address down (429 with Retry-After) while the owner, from another address, still signs in with the right password.
 */
@ApiTest
class PasswordAndSignInTests {

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aaaaaaaaaa",
                "password123",
                "abcdefghijklmnop",
                "P@ssw0rd2024!",
                "qwertyuiop123",
                "1234567890",
                "correct horse battery staple"
            })
    void aWeakPasswordIsRefusedWithTheReason(String weak) {
        fixtures.anonymous()
                .body(Map.of("email", "weak-" + UUID.randomUUID() + "@example.com", "password", weak))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("password"))
                .body("errors[0].message", notNullValue())
                .body("detail", containsString("password"));
    }

    @Test
    void aStrongPassphraseIsAccepted() {
        fixtures.anonymous()
                .body(Map.of(
                        "email", "strong-" + UUID.randomUUID() + "@example.com", "password", "violet harbour lantern"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201);
    }

    @Test
    void aGuesserIsSlowedDownWhileTheOwnerSignsInFromItsOwnAddress() {
        Person owner = fixtures.person(Role.SUPER_ADMIN, null);
        String guesser = "198.51.100." + Math.floorMod(UUID.randomUUID().hashCode(), 250);
        for (int i = 1; i <= 5; i++) {
            fixtures.anonymous()
                    .header("X-Forwarded-For", guesser)
                    .body(Map.of("email", owner.email(), "password", "guess number " + i))
                    .post("/api/v1/auth/login")
                    .then()
                    .statusCode(401);
        }
        fixtures.anonymous()
                .header("X-Forwarded-For", guesser)
                .body(Map.of("email", owner.email(), "password", Fixtures.PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        // The owner, elsewhere, is not locked out.
        fixtures.anonymous()
                .header(
                        "X-Forwarded-For",
                        "192.0.2." + Math.floorMod(UUID.randomUUID().hashCode(), 250))
                .body(Map.of("email", owner.email(), "password", Fixtures.PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"));
    }
}
