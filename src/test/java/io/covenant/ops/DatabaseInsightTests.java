package io.covenant.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class DatabaseInsightTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void superAdminSeesStatementStatisticsFromTheEmbeddedServer() {
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        fixtures.as(admin)
                .get("/api/v1/ops/database/statements")
                .then()
                .statusCode(200)
                .body("available", equalTo(true))
                .body("by_total_time.size()", greaterThan(0))
                .body("by_total_time[0].calls", greaterThan(0))
                .body("by_mean_time[0].mean_ms", notNullValue())
                .body("slow_threshold_ms", equalTo(200));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewCoversEverySection() {
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        // Bloat is estimated from the planner's statistics.
        jdbc.sql("ANALYZE users").update();
        Map<String, Object> overview = fixtures.as(admin)
                .get("/api/v1/ops/database")
                .then()
                .statusCode(200)
                .body("server_version", notNullValue())
                .body("database_size_bytes", greaterThan(0))
                .body("tables.table_name", hasItem("companies"))
                .body("partitions.partition_name", hasItem("financial_metrics_y2024"))
                .body(
                        "partitions.find { it.partition_name == 'financial_metrics_y2024' }.bounds",
                        equalTo("FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')"))
                .body("summaries.name", hasItem("daily_metrics_summary"))
                .body("pool.name", equalTo("covenant"))
                .body("pool.max", equalTo(15))
                .body("pool.leak_detection_threshold_ms", equalTo(90000))
                .body("replication.in_recovery", equalTo(false))
                .body("jobs.job", hasItem(MaintenanceJobs.DAILY_SUMMARY))
                .extract()
                .as(Map.class);
        assertThat((Map<String, Object>) overview.get("indexes")).containsKeys("unused", "duplicates", "stats_since");
        assertThat((List<?>) overview.get("bloat")).isNotEmpty();
    }

    @Test
    void unusedIndexesAreListedWithTheirSize() {
        jdbc.sql("CREATE TABLE ops_probe_unused (id INT PRIMARY KEY, label TEXT)")
                .update();
        try {
            jdbc.sql("CREATE INDEX idx_ops_probe_label ON ops_probe_unused (label)")
                    .update();
            jdbc.sql("CREATE INDEX idx_ops_probe_label_again ON ops_probe_unused (label)")
                    .update();
            Person admin = fixtures.person(Role.SUPER_ADMIN, null);
            fixtures.as(admin)
                    .get("/api/v1/ops/database/indexes")
                    .then()
                    .statusCode(200)
                    .body("unused.index_name", hasItem("idx_ops_probe_label"))
                    .body("unused.find { it.index_name == 'idx_ops_probe_label' }.size_bytes", greaterThan(0))
                    .body(
                            "duplicates.find { it.table_name == 'ops_probe_unused' }.indexes",
                            equalTo(List.of("idx_ops_probe_label", "idx_ops_probe_label_again")));
        } finally {
            jdbc.sql("DROP TABLE ops_probe_unused").update();
        }
    }

    @Test
    void applicationSideSlowStatementsAreKeptWithoutTheirValues() {
        jdbc.sql("SELECT pg_sleep(0.25), 'secret-value-42'").query().singleRow();
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        fixtures.as(admin)
                .get("/api/v1/ops/database/statements")
                .then()
                .statusCode(200)
                .body("application_slow.query", hasItem("SELECT pg_sleep(?), ?"))
                .body("application_slow.find { it.query == 'SELECT pg_sleep(?), ?' }.duration_ms", greaterThan(200f));
    }

    @Test
    void organisationAdministratorsMayNotReadDatabaseStatistics() {
        Person orgAdmin = fixtures.person(Role.ORG_ADMIN, fixtures.organization(null));
        fixtures.as(orgAdmin).get("/api/v1/ops/database").then().statusCode(403);
        fixtures.as(orgAdmin).get("/api/v1/ops/pool").then().statusCode(403);
        fixtures.anonymous().get("/api/v1/ops/jobs").then().statusCode(401);
    }
}
