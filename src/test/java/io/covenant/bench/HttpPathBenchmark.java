package io.covenant.bench;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * What the HTTP path itself costs, and what the client adds to it: an unauthenticated health probe (no database)
 * and an authenticated ticker lookup, each through the JDK's {@code HttpClient} and through {@link KeepAliveClient}
 * in the same run. The latency benchmarks use the latter. Run with {@code ./mvnw -Pbench test -Dtest=HttpPathBenchmark}.
 */
@ApiTest
class HttpPathBenchmark {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Environment environment;

    @Test
    void measuresTheHttpPathWithBothClients() throws Exception {
        fixtures.jdbc().sql("""
				INSERT INTO companies (symbol, name, sector, access_level, created_by)
				VALUES ('PATH', 'Path Probe', 'Technology', 'system', '00000000-0000-0000-0000-000000000001')""").update();
        Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        String auth = "Bearer " + analyst.accessToken();
        HttpClient jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Runnable::run)
                .build();
        String base = "http://127.0.0.1:" + port;
        StringBuilder rows = new StringBuilder();
        try (KeepAliveClient blocking = new KeepAliveClient(port)) {
            for (int i = 0; i < 20_000; i++) {
                check(blocking.get("/api/v1/companies/by-ticker/PATH", auth).status());
                check(send(jdk, base + "/actuator/health/liveness", null));
            }
            for (Latency l : new Latency[] {
                Latency.measure(
                        "health probe, JDK HttpClient",
                        2_000,
                        5_000,
                        () -> check(send(jdk, base + "/actuator/health/liveness", null))),
                Latency.measure(
                        "health probe, blocking client",
                        2_000,
                        5_000,
                        () -> check(
                                blocking.get("/actuator/health/liveness", null).status())),
                Latency.measure(
                        "ticker lookup (JWT, RLS, JSON), JDK HttpClient",
                        2_000,
                        5_000,
                        () -> check(send(jdk, base + "/api/v1/companies/by-ticker/PATH", auth))),
                Latency.measure(
                        "ticker lookup (JWT, RLS, JSON), blocking client",
                        2_000,
                        5_000,
                        () -> check(blocking.get("/api/v1/companies/by-ticker/PATH", auth)
                                .status()))
            }) {
                rows.append("| %s | %.3f | %.3f | %.3f |%n".formatted(l.name(), l.p50(), l.p95(), l.p99()));
            }
        }
        String report = """
				## HTTP path

				| request | p50 ms | p95 ms | p99 ms |
				|---|---|---|---|
				%s""".formatted(rows);
        Path out = Path.of("target", "benchmarks", "http-path.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger(HttpPathBenchmark.class).warn("\n{}", report);
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("answered " + status);
        }
    }

    private static int send(HttpClient http, String url, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException closed) {
            // The server closed the idle connection while the other client was measured; the JDK client does not
            // reconnect by itself.
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
