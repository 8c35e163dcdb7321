package io.covenant;

import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.sql.Types;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows a {@link DatabaseTest} needs, each with a fresh random name, written with SQL only: a slice has no web
 * server to sign in through. {@link Fixtures} adds signing in for the tests of the whole service.
 */
public class DatabaseFixtures {

    private final JdbcClient jdbc;

    DatabaseFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID tenant() {
        return jdbc.sql("INSERT INTO tenants (name) VALUES (:name) RETURNING id")
                .param("name", "Tenant " + UUID.randomUUID())
                .query(UUID.class)
                .single();
    }

    public UUID organization(UUID tenant) {
        return jdbc.sql("INSERT INTO organizations (name, tenant_id) VALUES (:name, :tenant) RETURNING id")
                .param("name", "Org " + UUID.randomUUID())
                .param("tenant", tenant, Types.OTHER)
                .query(UUID.class)
                .single();
    }

    /** A verified, active person with this role, never signed in: the tokens are null. */
    public Person person(Role role, UUID organization) {
        String email = role.value().replace('_', '-') + "-" + UUID.randomUUID() + "@example.com";
        UUID id = jdbc.sql("""
				INSERT INTO users (email, password_hash, role, organization_id, is_verified)
				VALUES (:email, 'not a hash: never signs in', :role, :org, TRUE) RETURNING id""")
                .param("email", email)
                .param("role", role.value())
                .param("org", organization, Types.OTHER)
                .query(UUID.class)
                .single();
        return new Person(id, email, role, organization, null, null, null);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
