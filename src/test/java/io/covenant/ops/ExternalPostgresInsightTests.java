package io.covenant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ops.InsightRecords.Statements;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ops queries against a second PostgreSQL started as an external server would be: default configuration,
 * without {@code pg_stat_statements} preloaded. They answer; the statements section says what is missing.
 */
class ExternalPostgresInsightTests {

    static EmbeddedPostgres external;

    static InsightRepository repository;

    static JdbcClient jdbc;

    @BeforeAll
    static void startAServerWithDefaults() throws IOException {
        external = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
        jdbc = JdbcClient.create(external.getPostgresDatabase());
        repository = new InsightRepository(jdbc);
    }

    @AfterAll
    static void stop() throws IOException {
        external.close();
    }

    @Test
    void withoutTheExtensionTheStatementsSectionSaysHowToEnableIt() {
        Statements statements = DatabaseInsight.statements(repository, slowStatements());
        assertThat(statements.available()).isFalse();
        assertThat(statements.reason()).contains("shared_preload_libraries");
        assertThat(statements.howToEnable())
                .contains("shared_preload_libraries")
                .contains("CREATE EXTENSION");
        assertThat(statements.byTotalTime()).isEmpty();
    }

    @Test
    void everyOtherSectionAnswersOnTheMigratedSchema() {
        // The migrations try to create pg_stat_statements; here it is created but cannot be read (not preloaded).
        Flyway.configure()
                .dataSource(external.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        assertThat(DatabaseInsight.statements(repository, slowStatements()).reason())
                .contains("shared_preload_libraries");
        assertThat(repository.serverVersion()).startsWith("17");
        assertThat(repository.tables())
                .extracting(InsightRecords.TableHealth::tableName)
                .contains("companies");
        assertThat(repository.partitions())
                .extracting(InsightRecords.Partition::partitionName)
                .contains("financial_metrics_y2024", "financial_metrics_default");
        assertThat(repository.indexes().unused()).isNotEmpty();
        assertThat(repository.summaries(MaintenanceJobs.DAILY_SUMMARY))
                .extracting(InsightRecords.SummaryFreshness::name)
                .containsExactly("daily_metrics_summary");
        assertThat(repository.replication().inRecovery()).isFalse();
        assertThat(repository.jobs(List.of(MaintenanceJobs.SESSIONS)))
                .singleElement()
                .satisfies(job -> assertThat(job.lastStartedAt()).isNull());
        jdbc.sql("ANALYZE").update();
        assertThat(repository.bloat(10)).isNotEmpty();
    }

    private static SlowStatements slowStatements() {
        return new SlowStatements(new OpsProperties(Duration.ofMillis(200), 10), new SimpleMeterRegistry());
    }
}
