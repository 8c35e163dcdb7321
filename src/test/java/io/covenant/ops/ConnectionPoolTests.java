package io.covenant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.covenant.ApiTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

@ApiTest
class ConnectionPoolTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void developmentPoolIsSizedAsTheIntelligenceDocumentStates() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getMinimumIdle()).isEqualTo(5);
        assertThat(pool.getMaximumPoolSize()).isEqualTo(15);
        assertThat(pool.getMaxLifetime()).isEqualTo(3_600_000);
        assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
    }

    @Test
    void sessionsRunWithoutJitUnderAStatementTimeoutAndNameTheApplication() {
        assertThat(jdbc.sql("SHOW jit").query(String.class).single()).isEqualTo("off");
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single())
                .isEqualTo("1min");
        assertThat(jdbc.sql("SHOW application_name").query(String.class).single())
                .isEqualTo("covenant");
    }

    @Test
    void embeddedServerPreloadsPgStatStatements() {
        assertThat(jdbc.sql("SHOW shared_preload_libraries").query(String.class).single())
                .contains("pg_stat_statements");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_stat_statements")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void poolDefaultsFollowTheEnvironment() {
        var env = new MockEnvironment();
        assertThat(PoolDefaults.forEnvironment(env.withProperty("covenant.environment", "production")))
                .isEqualTo(new PoolDefaults(20, 30));
        assertThat(PoolDefaults.forEnvironment(env.withProperty("covenant.environment", "staging")))
                .isEqualTo(new PoolDefaults(10, 20));
    }
}
