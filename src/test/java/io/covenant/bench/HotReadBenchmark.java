package io.covenant.bench;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The ticker lookup served from its cache against the same lookup by CIK, which runs the same query shape uncached,
 * and against that query alone over JDBC (the database round trip every uncached lookup pays at least). Run with
 * {@code ./mvnw -Pbench test -Dtest=HotReadBenchmark}.
 */
@ApiTest
class HotReadBenchmark {

    static final String LOOKUP = """
			SELECT c.* FROM companies c WHERE c.cik = ? AND c.deleted_at IS NULL
			ORDER BY (c.access_level = 'system'), c.created_at""";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @Test
    void aCachedTickerLookupAgainstAnUncachedLookupAndItsQuery() throws Exception {
        String cik = "%010d".formatted(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        fixtures.jdbc().sql("""
				INSERT INTO companies (symbol, cik, name, sector, access_level, created_by)
				VALUES ('HOTR', :cik, 'Hot Read', 'Technology', 'system', '00000000-0000-0000-0000-000000000001')""").param("cik", cik).update();
        Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        String auth = "Bearer " + analyst.accessToken();
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        Latency ticker;
        Latency byCik;
        Latency query;
        try (KeepAliveClient client = new KeepAliveClient(port);
                Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
            for (int i = 0; i < 10_000; i++) {
                check(client.get("/api/v1/companies/by-ticker/HOTR", auth).status());
                check(client.get("/api/v1/companies/by-cik/" + cik, auth).status());
            }
            ticker = Latency.measure(
                    "ticker, cached",
                    2_000,
                    10_000,
                    () -> check(
                            client.get("/api/v1/companies/by-ticker/HOTR", auth).status()));
            byCik = Latency.measure(
                    "CIK, same query shape, uncached",
                    2_000,
                    10_000,
                    () -> check(
                            client.get("/api/v1/companies/by-cik/" + cik, auth).status()));
            query = Latency.measure("the lookup query alone over JDBC", 2_000, 10_000, () -> {
                statement.setString(1, cik);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                }
            });
        }
        StringBuilder rows = new StringBuilder();
        for (Latency l : new Latency[] {ticker, byCik, query}) {
            rows.append("| %s | %.3f | %.3f | %.3f |%n".formatted(l.name(), l.p50(), l.p95(), l.p99()));
        }
        String report =
                """
				## Hot reads: the cached ticker lookup (issue 15)

				| request | p50 ms | p95 ms | p99 ms |
				|---|---|---|---|
				%s
				Cached / uncached lookup: p50 %.2fx, p95 %.2fx. Uncached lookup minus its query (p50): %.3f ms.
				""".formatted(rows, ticker.p50() / byCik.p50(), ticker.p95() / byCik.p95(), byCik.p50() - query.p50());
        Path out = Path.of("target", "benchmarks", "hot-reads.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger(HotReadBenchmark.class).warn("\n{}", report);
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("answered " + status);
        }
    }
}
