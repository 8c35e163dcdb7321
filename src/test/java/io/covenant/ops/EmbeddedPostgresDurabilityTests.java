package io.covenant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded server is the product's default store: started as the service starts it, it acknowledges a commit only
 * once its WAL is on disk, whatever the library's test-oriented defaults are. A second, short-lived server (the
 * tests' own server is started without durability, for speed).
 */
class EmbeddedPostgresDurabilityTests {

    @TempDir
    Path directory;

    @Test
    void theServiceEmbeddedServerFlushesEveryCommitToDisk() throws IOException {
        Path data = Files.createDirectories(directory.resolve("postgres"));
        try (EmbeddedPostgres server =
                EmbeddedPostgresServer.builder(data, 0, true, true).start()) {
            JdbcClient jdbc = JdbcClient.create(server.getPostgresDatabase());
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void withoutDurabilityTheServerKeepsTheLibrarysUnsafeDefaults() throws IOException {
        Path data = Files.createDirectories(directory.resolve("postgres"));
        try (EmbeddedPostgres server =
                EmbeddedPostgresServer.builder(data, 0, true, false).start()) {
            JdbcClient jdbc = JdbcClient.create(server.getPostgresDatabase());
            // What the tests' server runs with (the library passes postgres -F): a killed postmaster may lose the last
            // commits, and a crash of the machine may lose or corrupt anything written since the last checkpoint.
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("off");
            assertThat(setting(jdbc, "fsync")).isEqualTo("off");
        }
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT current_setting(?)")
                .param(name)
                .query(String.class)
                .single();
    }
}
