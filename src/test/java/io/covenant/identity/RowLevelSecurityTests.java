package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.covenant.DatabaseFixtures;
import io.covenant.DatabaseTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database enforces the access rule on its own: a session that acts as one organisation's member, through the
 * application role and the caller settings, cannot read or write another organisation's rows even with raw SQL.
 */
@DatabaseTest
// Committed: the rows are read back through a connection of its own.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RowLevelSecurityTests {

    @Autowired
    DatabaseFixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Test
    void aSessionOfOneOrganizationCannotReadAnothersRows() throws Exception {
        UUID orgA = fixtures.organization(fixtures.tenant());
        UUID orgB = fixtures.organization(fixtures.tenant());
        UUID userA = user(orgA);
        UUID userB = user(orgB);
        company("RLSA", orgA, userA);
        company("RLSB", orgB, userB);
        companyPersonal("RLSP", userB);

        try (Connection raw = ownConnection()) {
            actAs(raw, userA, orgA, "org_member");
            List<String> visible = symbols(raw, "SELECT symbol FROM companies WHERE symbol LIKE 'RLS%'");
            assertThat(visible).contains("RLSA").doesNotContain("RLSB", "RLSP");
            // Not even a targeted update touches the other organisation's row.
            try (PreparedStatement update =
                    raw.prepareStatement("UPDATE companies SET name = 'pwned' WHERE symbol = 'RLSB'")) {
                assertThat(update.executeUpdate()).isZero();
            }
            // Nor can it write a row into the other organisation.
            assertThatThrownBy(() -> {
                        try (PreparedStatement insert = raw.prepareStatement(
                                "INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by) VALUES ('RLSX', 'x', 'y', 'organization', ?, ?)")) {
                            insert.setObject(1, orgB);
                            insert.setObject(2, userA);
                            insert.executeUpdate();
                        }
                    })
                    .hasMessageContaining("row-level security");
            clear(raw);
        }
    }

    @Test
    void withoutACallerTheApplicationRoleSeesOnlySharedRows() throws Exception {
        UUID org = fixtures.organization(null);
        UUID user = user(org);
        company("RLSN", org, user);
        try (Connection raw = ownConnection()) {
            try (PreparedStatement set = raw.prepareStatement("SET ROLE covenant_app")) {
                set.execute();
            }
            assertThat(symbols(raw, "SELECT symbol FROM companies WHERE symbol = 'RLSN'"))
                    .isEmpty();
            clear(raw);
        }
    }

    /** A connection of its own, outside the pool, so nothing it sets leaks into the application's connections. */
    private Connection ownConnection() throws Exception {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        return DriverManager.getConnection(url, "postgres", "");
    }

    private UUID user(UUID org) {
        return fixtures.jdbc()
                .sql(
                        "INSERT INTO users (email, password_hash, role, organization_id) VALUES (?, 'h', 'org_member', ?) RETURNING id")
                .params("rls-" + UUID.randomUUID() + "@example.com", org)
                .query(UUID.class)
                .single();
    }

    private void company(String symbol, UUID org, UUID user) {
        fixtures.jdbc()
                .sql(
                        "INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by) VALUES (?, ?, 'Tech', 'organization', ?, ?)")
                .params(symbol, symbol, org, user)
                .update();
    }

    private void companyPersonal(String symbol, UUID user) {
        fixtures.jdbc()
                .sql(
                        "INSERT INTO companies (symbol, name, sector, access_level, created_by) VALUES (?, ?, 'Tech', 'personal', ?)")
                .params(symbol, symbol, user)
                .update();
    }

    private static void actAs(Connection connection, UUID user, UUID org, String role) throws Exception {
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('role', 'covenant_app', false), set_config('covenant.user_id', ?, false), set_config('covenant.org_id', ?, false), set_config('covenant.role', ?, false)")) {
            set.setString(1, user.toString());
            set.setString(2, org.toString());
            set.setString(3, role);
            set.execute();
        }
    }

    private static void clear(Connection connection) throws Exception {
        try (PreparedStatement reset = connection.prepareStatement(
                "RESET ROLE; RESET covenant.user_id; RESET covenant.org_id; RESET covenant.role")) {
            reset.execute();
        }
    }

    private static List<String> symbols(Connection connection, String sql) throws Exception {
        List<String> symbols = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                symbols.add(rs.getString(1));
            }
        }
        return symbols;
    }
}
