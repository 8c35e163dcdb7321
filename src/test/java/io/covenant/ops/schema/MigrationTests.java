package io.covenant.ops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.covenant.DatabaseTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The migrations on a database of their own per test, on the same embedded server. */
@DatabaseTest
// CREATE DATABASE cannot run inside a transaction.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MigrationTests {

    @Autowired
    DataSource applicationDataSource;

    @Autowired
    JdbcClient applicationJdbc;

    String database;

    DataSource dataSource;

    JdbcClient jdbc;

    @BeforeEach
    void createEmptyDatabase() {
        database = "migration_" + UUID.randomUUID().toString().replace("-", "");
        applicationJdbc.sql("CREATE DATABASE " + database).update();
        String url = unwrap(applicationDataSource).getJdbcUrl().replace("/postgres", "/" + database);
        dataSource = new SimpleDriverDataSource(new Driver(), url, "postgres", "");
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        applicationJdbc
                .sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")
                .update();
    }

    @Test
    void appliesOnAnEmptyDatabaseWellWithinThirtySeconds() {
        long started = System.nanoTime();
        var result = flyway().load().migrate();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(flyway().load().info().all().length);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void runningAgainChangesNothing() {
        flyway().load().migrate();
        String before = schemaFingerprint();
        var second = flyway().load().migrate();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(schemaFingerprint()).isEqualTo(before);
    }

    @Test
    void dataWrittenAtAnOlderVersionSurvivesTheNewest() {
        flyway().target(MigrationVersion.fromVersion("10")).load().migrate();
        UUID user = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        jdbc.sql("INSERT INTO users (id, email, password_hash) VALUES (?, 'old@example.com', 'h')")
                .param(user)
                .update();
        jdbc.sql("""
				INSERT INTO companies (id, symbol, name, sector, access_level, created_by)
				VALUES (?, 'OLD', 'Old Co', 'Tech', 'system', ?)""").params(company, user).update();
        jdbc.sql("""
				INSERT INTO financial_metrics (company_id, metric_date, metric_type, value, period_type)
				VALUES (?, '2023-06-30', 'revenue', 42.5, 'quarterly')""").param(company).update();

        flyway().load().migrate();

        assertThat(jdbc.sql("SELECT name FROM companies WHERE id = ?")
                        .param(company)
                        .query(String.class)
                        .single())
                .isEqualTo("Old Co");
        assertThat(jdbc.sql("SELECT value FROM financial_metrics WHERE company_id = ?")
                        .param(company)
                        .query(Double.class)
                        .single())
                .isEqualTo(42.5);
        assertThat(jdbc.sql("SELECT data_points FROM daily_metrics_summary WHERE company_id = ?")
                        .param(company)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aChangedMigrationFailsValidation() {
        flyway().load().migrate();
        jdbc.sql("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '8'")
                .update();
        assertThatThrownBy(() -> flyway().load().validate())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aMigrationSlippedInBelowTheAppliedVersionIsRefused(@TempDir Path extra) throws IOException {
        flyway().load().migrate();
        Files.writeString(extra.resolve("V8_5__late_addition.sql"), "CREATE TABLE late_addition (id int);");
        Flyway late = flyway().locations("classpath:db/migration", "filesystem:" + extra)
                .load();
        assertThatThrownBy(late::validate).isInstanceOf(FlywayException.class).hasMessageContaining("8.5");
        assertThatThrownBy(late::migrate).isInstanceOf(FlywayException.class);
    }

    @Test
    void aDuplicateVersionIsRefused(@TempDir Path extra) throws IOException {
        Files.writeString(extra.resolve("V8__another_eight.sql"), "SELECT 1;");
        Flyway duplicate = flyway().locations("classpath:db/migration", "filesystem:" + extra)
                .load();
        assertThatThrownBy(duplicate::migrate)
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("more than one migration with version 8");
    }

    @Test
    void aFailedMigrationRollsBackWhole(@TempDir Path extra) throws IOException {
        Files.writeString(
                extra.resolve("V999__broken.sql"),
                "CREATE TABLE half_done (id int);\nINSERT INTO no_such_table VALUES (1);");
        Flyway broken = flyway().locations("classpath:db/migration", "filesystem:" + extra)
                .load();
        assertThatThrownBy(broken::migrate).isInstanceOf(FlywayException.class);
        assertThat(jdbc.sql("SELECT to_regclass('half_done') IS NULL")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void partitionsAreCreatedAheadAndOldOnesDetachedForRetention() {
        flyway().load().migrate();
        UUID user = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        jdbc.sql("INSERT INTO users (id, email, password_hash) VALUES (?, 'p@example.com', 'h')")
                .param(user)
                .update();
        jdbc.sql(
                        "INSERT INTO companies (id, symbol, name, sector, access_level, created_by) VALUES (?, 'P', 'P', 'T', 'system', ?)")
                .params(company, user)
                .update();
        // A year without a partition lands in the default partition and moves when its partition is created.
        jdbc.sql(
                        "INSERT INTO financial_metrics (company_id, metric_date, metric_type, value, period_type) VALUES (?, '1995-03-31', 'revenue', 1, 'quarterly')")
                .param(company)
                .update();
        assertThat(count("financial_metrics_default")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT ensure_financial_metrics_partition(1995)")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(count("financial_metrics_default")).isZero();
        assertThat(count("financial_metrics_y1995")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT ensure_financial_metrics_partition(1995)")
                        .query(Boolean.class)
                        .single())
                .isFalse();

        var detached = jdbc.sql("SELECT detach_financial_metrics_partitions_before(2001)")
                .query(String.class)
                .list();
        assertThat(detached).contains("financial_metrics_y1995", "financial_metrics_y2000");
        assertThat(count("financial_metrics")).isZero();
        assertThat(count("financial_metrics_y1995")).isEqualTo(1);
    }

    private static HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateOnMigrate(true);
    }

    private String schemaFingerprint() {
        return jdbc.sql("""
				SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
				  SELECT relname::text || ':' || relkind::text AS x FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				  WHERE n.nspname = 'public'
				  UNION ALL SELECT conname::text || ':' || pg_get_constraintdef(oid) FROM pg_constraint
				  WHERE connamespace = 'public'::regnamespace) s
				""").query(String.class).single();
    }
}
