package io.covenant.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded PostgreSQL comes back by itself when its postmaster dies under the running service. */
@ApiTest
class EmbeddedPostgresWatchTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    Fixtures fixtures;

    @Test
    void aKilledPostmasterIsRestartedAndThePoolRecovers() {
        Person person = fixtures.person(Role.USER, null);
        // The test server runs without waiting for WAL flushes, so a crash may lose the last commits: the account
        // must be on disk before the postmaster is killed, or its token is refused after the restart.
        fixtures.jdbc().sql("CHECKPOINT").update();
        long killed = EmbeddedPostgresServer.postmasterPid();
        assertThat(killed).isPositive();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    long now = EmbeddedPostgresServer.postmasterPid();
                    assertThat(now).isPositive().isNotEqualTo(killed);
                });
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(this::answers);
        fixtures.as(person).get("/api/v1/companies").then().statusCode(200);
    }

    private boolean answers() {
        try {
            return new JdbcTemplate(dataSource).queryForObject("SELECT 1", Integer.class) == 1;
        } catch (DataAccessException ex) {
            return false;
        }
    }
}
