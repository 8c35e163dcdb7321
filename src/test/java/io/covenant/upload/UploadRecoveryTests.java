package io.covenant.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.covenant.ApiTest;
import io.covenant.CovenantApplication;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A service killed mid-job (SIGKILL, no shutdown hook) leaves its job half done; the next runner takes it over when
 * the lease runs out, resumes after the last committed batch, and no row is written twice.
 */
@ApiTest
class UploadRecoveryTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    UploadRunner runner;

    @Autowired
    Environment environment;

    @Test
    void aJobWhoseServiceIsKilledMidwayResumesOnTheNextRunnerWithoutDuplicates() throws Exception {
        UUID organization = fixtures.organization(null);
        Person analyst = fixtures.person(Role.ORG_MEMBER, organization);
        UploadFiles.Generated file = UploadFiles.quarterly("K", 10_000, 0, 9);
        runner.stop();
        Process other = null;
        try {
            String id = fixtures.as(analyst)
                    .contentType("multipart/form-data")
                    .multiPart("file", "kill.csv", file.csv())
                    .multiPart("job_type", "quarterly")
                    .post("/api/v1/uploads")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            other = startOtherService();
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> job(id).processed() >= 1_000);
            other.destroyForcibly().waitFor();
            Job killed = job(id);
            assertThat(killed.status()).isEqualTo("processing");
            assertThat(killed.processed()).isLessThan(file.dataRows());
            assertThat(predictions(organization)).isEqualTo(killed.processed());

            runner.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> job(id).status().equals("completed"));
            Job done = job(id);
            assertThat(done.processed()).isEqualTo(file.dataRows());
            assertThat(done.success()).isEqualTo(file.dataRows());
            assertThat(predictions(organization)).isEqualTo(file.dataRows());
            assertThat(fixtures.jdbc()
                            .sql("SELECT count(DISTINCT (company_id, reporting_year, reporting_quarter)) FROM"
                                    + " quarterly_predictions WHERE organization_id = :org")
                            .param("org", organization)
                            .query(Long.class)
                            .single())
                    .isEqualTo(file.dataRows());
            assertThat(fixtures.jdbc()
                            .sql("SELECT count(*) FROM companies WHERE organization_id = :org")
                            .param("org", organization)
                            .query(Long.class)
                            .single())
                    .isEqualTo(10_000);
            assertThat(fixtures.jdbc()
                            .sql("SELECT processing_logs::text FROM bulk_upload_jobs WHERE id = :id")
                            .param("id", UUID.fromString(id))
                            .query(String.class)
                            .single())
                    .contains("its runner stopped; resumed after row " + killed.processed());
        } finally {
            if (other != null) {
                other.destroyForcibly();
            }
            runner.start();
        }
    }

    /** The same service in another JVM on the same database, taking jobs in small batches. */
    private Process startOtherService() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", "upload-recovery-other-service.log").toFile();
        return new ProcessBuilder(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CovenantApplication.class.getName(),
                        "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--server.port=0",
                        "--covenant.security.jwt-secret=" + "x".repeat(40),
                        "--covenant.upload.batch-size=100",
                        "--covenant.upload.poll-interval=PT0.2S")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private Job job(String id) {
        Map<String, Object> row = fixtures.jdbc()
                .sql("SELECT status, processed_rows, success_count FROM bulk_upload_jobs" + " WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query()
                .singleRow();
        return new Job(
                (String) row.get("status"), (Integer) row.get("processed_rows"), (Integer) row.get("success_count"));
    }

    private long predictions(UUID organization) {
        return fixtures.jdbc()
                .sql("SELECT count(*) FROM quarterly_predictions WHERE organization_id = :org")
                .param("org", organization)
                .query(Long.class)
                .single();
    }

    record Job(String status, int processed, int success) {}
}
