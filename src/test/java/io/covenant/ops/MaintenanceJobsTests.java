package io.covenant.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.audit.AuditLog;
import io.covenant.shared.security.Role;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@ApiTest
class MaintenanceJobsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseMaintenance maintenance;

    @Autowired
    JobRuns runs;

    @Autowired
    MaintenanceJobs.JobCatalog catalog;

    @Autowired
    MaintenanceProperties properties;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditLog auditLog;

    @Test
    void everyJobIsADurableScheduledTask() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT task_name FROM scheduled_tasks")
                                .query(String.class)
                                .list())
                        .containsAll(catalog.jobs().keySet()));
    }

    @Test
    void theDailySummaryRecomputesOnlyTheDaysThatChanged() {
        UUID company = company();
        metric(company, "2024-03-01T09:00:00Z", 10);
        metric(company, "2024-03-01T15:00:00Z", 20);
        metric(company, "2024-03-02T09:00:00Z", 5);
        maintenance.refreshDailySummary();
        assertThat(summary(company)).containsExactly(Map.entry("2024-03-01", 15.0), Map.entry("2024-03-02", 5.0));

        jdbc.sql("UPDATE financial_metrics SET value = 7 WHERE company_id = ? AND metric_date = '2024-03-02T09:00:00Z'")
                .param(company)
                .update();
        assertThat(jdbc.sql("SELECT day FROM daily_metrics_summary_changes WHERE company_id = ?")
                        .param(company)
                        .query(OffsetDateTime.class)
                        .list())
                .containsOnly(OffsetDateTime.parse("2024-03-02T00:00:00Z"));
        maintenance.refreshDailySummary();
        assertThat(summary(company)).containsExactly(Map.entry("2024-03-01", 15.0), Map.entry("2024-03-02", 7.0));

        jdbc.sql("DELETE FROM financial_metrics WHERE company_id = ? AND metric_date < '2024-03-02'")
                .param(company)
                .update();
        maintenance.refreshDailySummary();
        assertThat(summary(company)).containsExactly(Map.entry("2024-03-02", 7.0));
    }

    @Test
    void finishedUploadFilesArePurgedAfterTheRetentionWhileTheJobAndItsErrorsStay() {
        Person owner = fixtures.person(Role.USER, null);
        UUID old = upload(owner, "completed", OffsetDateTime.now(ZoneOffset.UTC).minusDays(31));
        UUID recent =
                upload(owner, "completed", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2));
        UUID running = upload(owner, "processing", null);

        maintenance.purgeUploadFiles();

        assertThat(count("bulk_upload_files", old)).isZero();
        assertThat(count("bulk_upload_files", recent)).isOne();
        assertThat(count("bulk_upload_files", running)).isOne();
        assertThat(count("bulk_upload_row_errors", old)).isOne();
        assertThat(jdbc.sql("SELECT success_count FROM bulk_upload_jobs WHERE id = ?")
                        .param(old)
                        .query(Integer.class)
                        .single())
                .isEqualTo(9);
    }

    @Test
    void unusableSessionsAndVerificationsAreRemovedAfterTheGracePeriod() {
        Person person = fixtures.person(Role.USER, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID expired = session(person, now.minusDays(30), now.minusDays(8), null);
        UUID revoked = session(person, now.minusDays(20), now.plusDays(5), now.minusDays(8));
        UUID live = session(person, now.minusDays(1), now.plusDays(13), null);
        UUID recentlyExpired = session(person, now.minusDays(15), now.minusDays(1), null);
        String usedToken = verification(person, now.minusDays(10), now.minusDays(9));
        String openToken = verification(person, now.plusDays(1), null);

        maintenance.purgeSessions();

        assertThat(jdbc.sql("SELECT id FROM user_sessions WHERE user_id = ?")
                        .param(person.id())
                        .query(UUID.class)
                        .list())
                .contains(live, recentlyExpired)
                .doesNotContain(expired, revoked);
        assertThat(jdbc.sql("SELECT token_hash FROM email_verifications WHERE user_id = ?")
                        .param(person.id())
                        .query(String.class)
                        .list())
                .containsExactly(openToken)
                .doesNotContain(usedToken);
    }

    @Test
    void wholeYearPartitionsPastTheRetentionAreDropped() {
        UUID company = company();
        metric(company, "2000-06-30T00:00:00Z", 1);
        metric(company, "2001-06-30T00:00:00Z", 2);
        int years = Year.now(ZoneOffset.UTC).getValue() - 2001;
        MaintenanceProperties keepFrom2001 = new MaintenanceProperties(
                properties.partitionYearsAhead(),
                properties.summaryRefresh(),
                years,
                properties.uploadFileRetention(),
                properties.sessionRetention(),
                properties.analyzeMinChangedRows());
        try {
            String done = new DatabaseMaintenance(jdbc, keepFrom2001, transaction, auditLog).applyMetricsRetention();
            assertThat(done).contains("financial_metrics_y2000");
            assertThat(jdbc.sql("SELECT to_regclass('financial_metrics_y2000') IS NULL")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(jdbc.sql("SELECT value FROM financial_metrics WHERE company_id = ?")
                            .param(company)
                            .query(Double.class)
                            .list())
                    .containsExactly(2.0);
        } finally {
            jdbc.sql("SELECT ensure_financial_metrics_partitions(2000, 2000)")
                    .query(Integer.class)
                    .single();
        }
    }

    @Test
    void withoutARetentionSettingEveryMetricIsKept() {
        assertThat(properties.metricsRetentionYears()).isZero();
        assertThat(maintenance.applyMetricsRetention()).contains("everything kept");
        assertThat(jdbc.sql("SELECT to_regclass('financial_metrics_y2000') IS NOT NULL")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void tablesChangedByABulkLoadAreAnalyzed() {
        jdbc.sql("CREATE TABLE ops_probe_bulk (id INT)").update();
        try {
            jdbc.sql("INSERT INTO ops_probe_bulk SELECT generate_series(1, 20000)")
                    .update();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                maintenance.analyzeChangedTables();
                assertThat(jdbc.sql("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'ops_probe_bulk'")
                                .query(OffsetDateTime.class)
                                .optional())
                        .isPresent();
            });
        } finally {
            jdbc.sql("DROP TABLE ops_probe_bulk").update();
        }
    }

    @Test
    void everyRunIsVisibleWithItsDurationAndOutcome() {
        runs.run(MaintenanceJobs.SESSIONS, maintenance::purgeSessions);
        assertThatThrownBy(() -> runs.run(MaintenanceJobs.ANALYZE, () -> {
                    throw new IllegalStateException("disk full");
                }))
                .hasMessage("disk full");
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        List<Map<String, Object>> jobs = fixtures.as(admin)
                .get("/api/v1/ops/jobs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(jobs)
                .extracting(job -> job.get("job"))
                .containsExactlyElementsOf(catalog.jobs().keySet());
        Map<String, Object> sessions = find(jobs, MaintenanceJobs.SESSIONS);
        assertThat(sessions).containsEntry("last_outcome", "succeeded").containsKey("last_duration_ms");
        assertThat((String) sessions.get("last_detail")).startsWith("removed ");
        Map<String, Object> analyze = find(jobs, MaintenanceJobs.ANALYZE);
        assertThat(analyze).containsEntry("last_outcome", "failed");
        assertThat((String) analyze.get("last_detail")).contains("disk full");
        assertThat((Integer) analyze.get("failures_last_day")).isPositive();
    }

    private static Map<String, Object> find(List<Map<String, Object>> jobs, String name) {
        return jobs.stream()
                .filter(job -> name.equals(job.get("job")))
                .findFirst()
                .orElseThrow();
    }

    private UUID company() {
        Person owner = fixtures.person(Role.USER, null);
        return jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, access_level, created_by)
				VALUES (:symbol, 'Maintenance Probe', 'Tech', 'personal', :owner) RETURNING id""")
                .param(
                        "symbol",
                        "M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase())
                .param("owner", owner.id())
                .query(UUID.class)
                .single();
    }

    private void metric(UUID company, String at, double value) {
        jdbc.sql("""
				INSERT INTO financial_metrics (company_id, metric_date, metric_type, value, period_type)
				VALUES (?, ?::timestamptz, 'mau', ?, 'daily')""").params(company, at, value).update();
    }

    private Map<String, Double> summary(UUID company) {
        Map<String, Double> days = new LinkedHashMap<>();
        jdbc.sql("SELECT day, avg_value FROM daily_metrics_summary WHERE company_id = ? ORDER BY day")
                .param(company)
                .query(rs -> {
                    days.put(rs.getObject(1, OffsetDateTime.class).toLocalDate().toString(), rs.getDouble(2));
                });
        return days;
    }

    private UUID upload(Person owner, String status, OffsetDateTime completedAt) {
        UUID job = jdbc.sql("""
				INSERT INTO bulk_upload_jobs (filename, original_filename, file_size, status, job_type, total_rows,
				                              processed_rows, success_count, error_count, completed_at, created_by)
				VALUES ('f.csv', 'f.csv', 3, :status, 'annual', 10, 10, 9, 1, :completed, :owner) RETURNING id""")
                .param("status", status)
                .param("completed", completedAt)
                .param("owner", owner.id())
                .query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO bulk_upload_files (job_id, content) VALUES (?, ?)")
                .params(job, new byte[] {1, 2, 3})
                .update();
        jdbc.sql("INSERT INTO bulk_upload_row_errors (job_id, row_number, reason) VALUES (?, 5, 'bad ratio')")
                .param(job)
                .update();
        return job;
    }

    private long count(String table, UUID job) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE job_id = ?")
                .param(job)
                .query(Long.class)
                .single();
    }

    private UUID session(Person person, OffsetDateTime created, OffsetDateTime expires, OffsetDateTime revoked) {
        return jdbc.sql("""
				INSERT INTO user_sessions (user_id, family_id, refresh_token_hash, expires_at, revoked_at, created_at)
				VALUES (?, gen_random_uuid(), ?, ?, ?, ?) RETURNING id""")
                .params(person.id(), UUID.randomUUID().toString(), expires, revoked, created)
                .query(UUID.class)
                .single();
    }

    private String verification(Person person, OffsetDateTime expires, OffsetDateTime used) {
        String hash = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO email_verifications (token_hash, user_id, expires_at, used_at) VALUES (?, ?, ?, ?)")
                .params(hash, person.id(), expires, used)
                .update();
        return hash;
    }
}
