package io.covenant.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What durability costs the embedded default (issue 14): a single prediction-sized write committed on its own (one
 * POST) and an upload's 100,000 rows in batches of 5,000 (the upload's batch size), on a server started durable as
 * the service starts it (synchronous_commit, fsync and full_page_writes on) and on one with the library's test
 * defaults (synchronous_commit and fsync off), side by side in one run. Run with
 * {@code ./mvnw -Pbench test -Dtest=DurabilityBenchmark}.
 */
class DurabilityBenchmark {

    static final Map<String, String> DURABLE =
            Map.of("synchronous_commit", "on", "fsync", "on", "full_page_writes", "on");

    static final String TABLE = """
			CREATE TABLE written (id bigserial PRIMARY KEY, company_id uuid NOT NULL, fiscal_year int NOT NULL,
			  probability double precision NOT NULL, risk_level text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())""";

    static final String INSERT =
            "INSERT INTO written (company_id, fiscal_year, probability, risk_level) VALUES (?, ?, ?, ?)";

    @TempDir
    Path directory;

    @Test
    void aCommittedWriteAndAnUploadOnADurableAndANonDurableServer() throws Exception {
        Result durable = measure("durable (the service's default)", DURABLE);
        Result fast = measure("library defaults (the tests' server)", Map.of());
        String report = """
				## Durability of the embedded server: what it costs a write (issue 14)

				| server | single write p50 ms | p95 ms | p99 ms | 100,000-row upload ms | rows/s |
				|---|---|---|---|---|---|
				%s
				%s
				Durable / not durable: single write p95 %.1fx, upload %.2fx.
				""".formatted(
                        durable.row(),
                        fast.row(),
                        durable.single().p95() / fast.single().p95(),
                        durable.uploadMs() / fast.uploadMs());
        Path out = Path.of("target", "benchmarks", "durability.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger(DurabilityBenchmark.class).warn("\n{}", report);
    }

    private Result measure(String name, Map<String, String> settings) throws Exception {
        Path data = Files.createDirectories(directory.resolve(UUID.randomUUID().toString()));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(30));
        settings.forEach(builder::setServerConfig);
        try (EmbeddedPostgres server = builder.start();
                Connection connection = server.getPostgresDatabase().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(TABLE);
            }
            Latency single;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                single = Latency.measure(name, 200, 2_000, () -> {
                    bind(insert);
                    insert.executeUpdate();
                });
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int batch = 0; batch < 20; batch++) {
                    for (int row = 0; row < 5_000; row++) {
                        bind(insert);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            double uploadMs = (System.nanoTime() - started) / 1_000_000.0;
            return new Result(single, uploadMs);
        }
    }

    private static void bind(PreparedStatement insert) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        insert.setObject(1, new UUID(random.nextLong(), random.nextLong()));
        insert.setInt(2, 2000 + random.nextInt(25));
        insert.setDouble(3, random.nextDouble());
        insert.setString(4, "medium");
    }

    record Result(Latency single, double uploadMs) {

        String row() {
            return "| %s | %.3f | %.3f | %.3f | %.0f | %.0f |"
                    .formatted(
                            single.name(),
                            single.p50(),
                            single.p95(),
                            single.p99(),
                            uploadMs,
                            100_000 / (uploadMs / 1000));
        }
    }
}
