package io.covenant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.prediction.RiskModels;
import io.covenant.prediction.Scores;
import io.covenant.shared.security.Role;
import io.covenant.upload.UploadFiles;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk upload speed (issue 5): a 100,000-row quarterly CSV (25,000 companies x 4 quarters) through the HTTP API,
 * from the POST to the job's completion, against a raw {@code COPY} of the same companies and scored predictions into
 * the same tables in the same run. Run with {@code ./mvnw -Pbench test -Dtest=UploadBenchmark}.
 */
@ApiTest
class UploadBenchmark {

    /**
     * Companies of the file, four quarterly rows each, every one new to the uploading organisation: 25,000 (100,000
     * rows) for issue 5; {@code -Dcovenant.bench.upload.companies=125000} makes issue 20's 500,000-row upload.
     */
    static final int COMPANIES = Integer.getInteger("covenant.bench.upload.companies", 25_000);

    static final int RUNS = Integer.getInteger("covenant.bench.runs", 3);

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    RiskModels models;

    @Autowired
    JsonMapper json;

    @Test
    void uploadsAHundredThousandRowsAtLeastHalfAsFastAsRawCopy() throws Exception {
        UploadFiles.Generated file = UploadFiles.quarterly("B", COMPANIES, 0, 11);
        byte[] csv = file.csv();
        int rows = file.dataRows();
        // Warm-up: a small file through the same path, so the run measures steady code.
        Person warm = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        finish(warm, upload(warm, UploadFiles.quarterly("W", 2_000, 0, 12).csv()));

        String loadBefore = BenchData.loadAverage();
        List<Double> uploadSeconds = new ArrayList<>();
        List<Double> copySeconds = new ArrayList<>();
        String statements = "";
        for (int run = 0; run < RUNS; run++) {
            fixtures.jdbc()
                    .sql("SELECT pg_stat_statements_reset()")
                    .query(Object.class)
                    .list();
            Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
            BenchData.settle(fixtures.jdbc(), "companies", "quarterly_predictions");
            long started = System.nanoTime();
            Map<String, Object> job = finish(analyst, upload(analyst, csv));
            uploadSeconds.add((System.nanoTime() - started) / 1e9);
            assertThat(job).containsEntry("status", "completed").containsEntry("success_count", rows);
            if (run == 0) {
                statements = topStatements();
            }
            copySeconds.add(rawCopy(file));
        }
        double upload = median(uploadSeconds);
        double copy = median(copySeconds);
        String report = """
				## Bulk upload (issue 5)

				%,d-row quarterly CSV (%,d companies x 4 quarters, %.1f MB) through `POST /api/v1/uploads`, timed from
				the POST to the job's completion (validation, company creation, scoring with reasons, COPY through a
				staging table, RLS-checked insert, progress); against a raw `COPY` of the same companies and the same
				scored prediction rows (built beforehand, time-ordered keys as the database makes them) straight into
				`companies` and `quarterly_predictions` as the table owner, in the same run, alternating; before each
				timed step the tables are vacuumed, no autovacuum runs and a checkpoint is taken (`BenchData.settle`).
				Median of %d runs each; load average %s before, %s after.

				| path | seconds (runs) | rows/s |
				|---|---|---|
				| upload, end to end | %.2f (%s) | %,.0f |
				| raw COPY, same rows, same tables | %.2f (%s) | %,.0f |

				Upload / raw COPY speed: **%.2f** (issue 5: >= 0.5; issue 20: >= 0.7 and >= 7,000 rows/s at 500,000 rows).

				Database time of the first upload by statement (pg_stat_statements, top 8 by total time):

				| total ms | calls | statement |
				|---|---|---|
				%s
				""".formatted(
                        rows,
                        COMPANIES,
                        csv.length / 1e6,
                        RUNS,
                        loadBefore,
                        BenchData.loadAverage(),
                        upload,
                        list(uploadSeconds),
                        rows / upload,
                        copy,
                        list(copySeconds),
                        rows / copy,
                        copy / upload,
                        statements);
        Path out = Path.of("target", "benchmarks", "upload.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger(UploadBenchmark.class).warn("\n{}", report);
    }

    /** COPY of the same rows, scored beforehand, into the same tables: the physical limit an upload is held to. */
    private double rawCopy(UploadFiles.Generated file) throws Exception {
        UUID organization = fixtures.organization(null);
        UUID user = fixtures.jdbc()
                .sql("INSERT INTO users (email, password_hash, role, organization_id) VALUES "
                        + "(:email, 'x', 'org_member', :org) RETURNING id")
                .param("email", "copy-" + UUID.randomUUID() + "@example.com")
                .param("org", organization)
                .query(UUID.class)
                .single();
        List<List<String>> data = file.rows().subList(1, file.rows().size());
        double[] matrix = new double[data.size() * 6];
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < 6; j++) {
                matrix[i * 6 + j] = Double.parseDouble(data.get(i).get(7 + j));
            }
        }
        List<Scores.Scored> scores = models.scoreQuarterly(matrix, data.size());
        StringBuilder companies = new StringBuilder();
        StringBuilder predictions = new StringBuilder();
        Map<String, UUID> ids = new HashMap<>();
        String now = OffsetDateTime.now().toString();
        for (int i = 0; i < data.size(); i++) {
            List<String> r = data.get(i);
            UUID id = ids.get(r.get(0));
            if (id == null) {
                id = BenchData.v7();
                ids.put(r.get(0), id);
                companies
                        .append(String.join(
                                "\t",
                                id.toString(),
                                r.get(0),
                                r.get(1),
                                r.get(2),
                                r.get(3),
                                r.get(4),
                                "USD",
                                "organization",
                                organization.toString(),
                                user.toString()))
                        .append('\n');
            }
            Scores.Scored s = scores.get(i);
            predictions
                    .append(String.join(
                            "\t",
                            id.toString(),
                            r.get(5),
                            r.get(6),
                            d4(s.logisticProbability()),
                            d4(s.gbmProbability()),
                            d4(s.ensembleProbability()),
                            s.riskLevel(),
                            d4(s.confidence()),
                            r.get(7),
                            r.get(8),
                            r.get(9),
                            r.get(10),
                            r.get(11),
                            r.get(12),
                            s.modelVersion(),
                            json.writeValueAsString(Map.of("reasons", s.reasons()))
                                    .replace("\\", "\\\\"),
                            now,
                            "organization",
                            organization.toString(),
                            user.toString()))
                    .append('\n');
        }
        BenchData.settle(fixtures.jdbc(), "companies", "quarterly_predictions");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            copy.copyIn(
                    "COPY companies (id, symbol, name, sector, country, market_cap, currency, access_level,"
                            + " organization_id, created_by) FROM STDIN",
                    new StringReader(companies.toString()));
            copy.copyIn(
                    "COPY quarterly_predictions (company_id, reporting_year, reporting_quarter,"
                            + " logistic_probability, gbm_probability, ensemble_probability, risk_level, confidence,"
                            + " current_ratio, quick_ratio, debt_to_equity, inventory_turnover, receivables_turnover,"
                            + " working_capital_to_total_assets, model_version, explanation, predicted_at, access_level,"
                            + " organization_id, created_by) FROM STDIN",
                    new StringReader(predictions.toString()));
            connection.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private String topStatements() {
        return String.join(
                "\n",
                fixtures.jdbc()
                        .sql("""
				SELECT round(total_exec_time)::bigint AS ms, calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS q
				FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8""")
                        .query((rs, i) -> "| %d | %d | `%s` |"
                                .formatted(
                                        rs.getLong(1),
                                        rs.getLong(2),
                                        rs.getString(3).replace("|", "\\|")))
                        .list());
    }

    private String upload(Person person, byte[] content) {
        return fixtures.as(person)
                .contentType("multipart/form-data")
                .multiPart("file", "bench.csv", content)
                .multiPart("job_type", "quarterly")
                .post("/api/v1/uploads")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private Map<String, Object> finish(Person person, String id) {
        return await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> fixtures.as(person)
                                .get("/api/v1/uploads/" + id)
                                .then()
                                .extract()
                                .<Map<String, Object>>as(Map.class),
                        job -> List.of("completed", "failed", "cancelled").contains(job.get("status")));
    }

    private static String d4(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> "%.2f".formatted(v)).toList());
    }
}
