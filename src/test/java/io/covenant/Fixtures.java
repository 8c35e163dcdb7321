package io.covenant;

import io.covenant.shared.security.Role;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates the people and organisations an API test needs, each with fresh random names so tests never share data,
 * and signs them in through the real login endpoint.
 */
public class Fixtures extends DatabaseFixtures {

    public static final String PASSWORD = "juniper tallow orbit canyon";

    private final String passwordHash;

    private final Environment environment;

    Fixtures(JdbcClient jdbc, PasswordEncoder passwords, Environment environment) {
        super(jdbc);
        this.environment = environment;
        this.passwordHash = passwords.encode(PASSWORD);
    }

    /** {@code length} upper-case hexadecimal characters of a random UUID: a fresh symbol or name part per test. */
    public static String unique(int length) {
        return UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, length)
                .toUpperCase(Locale.ROOT);
    }

    /** A verified, active person with this role, signed in. */
    public Person person(Role role, UUID organization, UUID tenant) {
        String email = role.value().replace('_', '-') + "-" + UUID.randomUUID() + "@example.com";
        UUID id = jdbc().sql("""
				INSERT INTO users (email, password_hash, role, organization_id, tenant_id, is_verified)
				VALUES (:email, :hash, :role, :org, :tenant, TRUE) RETURNING id""")
                .param("email", email)
                .param("hash", passwordHash)
                .param("role", role.value())
                .param("org", organization, Types.OTHER)
                .param("tenant", tenant, Types.OTHER)
                .query(UUID.class)
                .single();
        Map<String, Object> tokens = login(email, PASSWORD);
        return new Person(id, email, role, organization, tenant, (String) tokens.get("access_token"), (String)
                tokens.get("refresh_token"));
    }

    @Override
    public Person person(Role role, UUID organization) {
        return person(role, organization, null);
    }

    public Map<String, Object> login(String email, String password) {
        return RestAssured.given()
                .port(port())
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    public RequestSpecification anonymous() {
        return RestAssured.given().port(port()).contentType(ContentType.JSON);
    }

    public RequestSpecification as(Person person) {
        return anonymous().auth().oauth2(person.accessToken());
    }

    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /** A signed-in test user. */
    public record Person(
            UUID id,
            String email,
            Role role,
            UUID organizationId,
            UUID tenantId,
            String accessToken,
            String refreshToken) {}
}
