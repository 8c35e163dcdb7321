package io.covenant.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Outages of the real database become a 503 the client may retry, not a 500 or a client error. */
@ApiTest
class DatabaseOutageTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    Fixtures fixtures;

    @Test
    void aStatementPastItsTimeoutIsAnOutage() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataAccessException failure = catchThrowableOfType(
                DataAccessException.class,
                () -> new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(status -> {
                    jdbc.execute("SET LOCAL statement_timeout = '50ms'");
                    jdbc.queryForObject("SELECT pg_sleep(5)", Object.class);
                }));
        assertThat(DatabaseErrorTranslator.translate(failure))
                .get()
                .satisfies(e -> assertThat(e.status().value()).isEqualTo(503))
                .satisfies(e -> assertThat(e.getMessage()).contains("did not answer in time"))
                .satisfies(e -> assertThat(e.headers()).containsKey("Retry-After"));
    }

    @Test
    void aServerThatIsNotThereIsAnOutage() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DriverManagerDataSource gone = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?connectTimeout=2", "postgres", "");
        DataAccessException failure = catchThrowableOfType(
                DataAccessException.class, () -> new JdbcTemplate(gone).queryForObject("SELECT 1", Integer.class));
        assertThat(DatabaseErrorTranslator.translate(failure))
                .get()
                .satisfies(e -> assertThat(e.status().value()).isEqualTo(503));
    }

    @Test
    void aDiskFullServerIsAnOutageNotABug() {
        DataAccessException failure = catchThrowableOfType(DataAccessException.class, () -> new JdbcTemplate(dataSource)
                .execute("DO $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$"));
        assertThat(DatabaseErrorTranslator.translate(failure))
                .get()
                .satisfies(e -> assertThat(e.status().value()).isEqualTo(503))
                .satisfies(e -> assertThat(e.getMessage()).contains("out of disk space"));
    }

    /**
     * The bearer token's account version is read inside the security chain, before any controller advice: with every
     * pooled connection taken, that read times out and the client still gets the 503 problem, not a 500.
     */
    @Test
    void anOutageMetInsideTheSecurityChainAnswersTheSameProblem() throws Exception {
        Person person = fixtures.person(Role.USER, null);
        List<Connection> held = new ArrayList<>();
        try {
            while (true) {
                try {
                    held.add(dataSource.getConnection());
                } catch (SQLException exhausted) {
                    break;
                }
            }
            fixtures.as(person)
                    .get("/api/v1/companies")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://covenant.dev/problems/database-unavailable"))
                    .body("request_id", notNullValue());
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        fixtures.as(person).get("/api/v1/companies").then().statusCode(200);
    }

    @Test
    void aRuleBrokenByTheClientIsStillNotAnOutage() {
        DataAccessException failure = catchThrowableOfType(DataAccessException.class, () -> new JdbcTemplate(dataSource)
                .queryForObject("SELECT 1 / 0", Integer.class));
        assertThat(DatabaseErrorTranslator.outage(failure)).isEmpty();
    }
}
