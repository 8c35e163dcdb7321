package io.covenant.bench;

import static org.awaitility.Awaitility.await;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import io.covenant.upload.UploadFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The server time of each page of the web application: the API calls a page makes when it opens, one after the other
 * (the browser sends some in parallel, so this is an upper bound), on 100,000 companies of the caller's organisation,
 * five years of daily metrics, a 5,000-row upload and Apple's 10-K. Compared in the same run with the 50 ms target and
 * with the raw SQL of the heaviest call (the nearest names by trigram distance, without HTTP, tokens or
 * row-level security).
 * Run with {@code ./mvnw -Pbench test -Dtest=WebPagesBenchmark}.
 */
@ApiTest
class WebPagesBenchmark {

    static final int COMPANIES = 100_000;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Environment environment;

    @Test
    void measuresEachPagesServerTime() throws Exception {
        UUID organization = fixtures.organization(null);
        Person analyst = fixtures.person(Role.ORG_ADMIN, organization);
        // In batches: one statement for all of them would outlast the 60 s statement timeout on a busy machine.
        for (int from = 1; from <= COMPANIES; from += 10_000) {
            fixtures.jdbc()
                    .sql("""
					INSERT INTO companies (symbol, name, sector, country, exchange, market_cap, access_level,
					  organization_id, created_by)
					SELECT 'B' || upper(to_hex(i)), 'Benchmark '
					  || (ARRAY['Alpha','Borealis','Cygnus','Draco','Eridanus'])[i % 5 + 1] || ' Holdings ' || i,
					  'Sector ' || (i % 11), 'USA', 'NYSE', 1000000 + i, 'organization', :org, :user
					FROM generate_series(:from, :to) AS i""")
                    .param("org", organization, Types.OTHER)
                    .param("user", analyst.id())
                    .param("from", from)
                    .param("to", from + 9_999)
                    .update();
        }
        fixtures.jdbc().sql("ANALYZE companies").update();
        String company = fixtures.as(analyst)
                .queryParam("name", "Benchmark Draco Holdings 4243")
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        List<Map<String, Object>> points = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2020, 1, 1); day.isBefore(LocalDate.of(2025, 1, 1)); day = day.plusDays(1)) {
            Map<String, Object> point = new HashMap<>();
            point.put("metric_type", "revenue");
            point.put("metric_date", day.toString());
            point.put("value", 1_000_000 + day.getDayOfYear());
            point.put("period_type", "daily");
            points.add(point);
        }
        fixtures.as(analyst)
                .body(Map.of("points", points))
                .post("/api/v1/companies/" + company + "/metrics")
                .then()
                .statusCode(200);
        String job = fixtures.as(analyst)
                .contentType("multipart/form-data")
                .multiPart(
                        "file",
                        "bench.csv",
                        UploadFiles.quarterly("PG", 1_250, 100, 7).csv(),
                        "text/csv")
                .multiPart("job_type", "quarterly")
                .post("/api/v1/uploads")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        fixtures.as(analyst)
                .contentType("multipart/form-data")
                .multiPart(
                        "file",
                        "aapl-10-k.html",
                        Files.readAllBytes(Path.of("..", "shared", "data", "sec", "10-K_AAPL_2024-11-01.html")))
                .multiPart("form_type", "10-K")
                .multiPart("access_level", "organization")
                .post("/api/v1/documents")
                .then()
                .statusCode(201);
        await().atMost(Duration.ofMinutes(5)).until(() -> "completed"
                .equals(fixtures.as(analyst)
                        .get("/api/v1/uploads/" + job)
                        .then()
                        .extract()
                        .path("status")));
        await().atMost(Duration.ofMinutes(5))
                .until(
                        () -> fixtures.as(analyst)
                                .queryParam("q", "iPhone")
                                .get("/api/v1/search")
                                .then()
                                .extract()
                                .path("items.size()"),
                        n -> (int) n > 0);
        fixtures.as(analyst)
                .body(Map.of("name", "bench", "scopes", List.of("companies:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201);

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(
                "Companies (fuzzy name, 100k)",
                List.of(
                        "/api/v1/users/me",
                        "/api/v1/companies?name=Benchmrk%20Draco%20Holdngs%2042&limit=25&offset=0"));
        pages.put(
                "Companies (sorted list, paged)",
                List.of("/api/v1/users/me", "/api/v1/companies?sort=market_cap&order=desc&limit=25&offset=2500"));
        pages.put(
                "Company page (quarter buckets)",
                List.of(
                        "/api/v1/companies/" + company + "/page?filings=10",
                        "/api/v1/market-intelligence?company_id=" + company + "&limit=20",
                        "/api/v1/analysis-reports?company_id=" + company + "&limit=20",
                        "/api/v1/companies/" + company + "/metrics/revenue/buckets?bucket=quarter"));
        pages.put(
                "Company chart, month buckets",
                List.of("/api/v1/companies/" + company + "/metrics/revenue/buckets?bucket=month"));
        pages.put(
                "Risk",
                List.of(
                        "/api/v1/predictions/quarterly?limit=20",
                        "/api/v1/predictions/dashboard/summary",
                        "/api/v1/predictions/dashboard/risk-by-sector?reporting_year=2024",
                        "/api/v1/predictions/dashboard/model-deviation"));
        pages.put(
                "Uploads (list + errors)",
                List.of("/api/v1/uploads?limit=20", "/api/v1/uploads/" + job + "/errors?limit=200"));
        pages.put("Search (keyword)", List.of("/api/v1/search?q=iPhone%20net%20sales&mode=keyword&limit=20"));
        pages.put("Search (hybrid)", List.of("/api/v1/search?q=iPhone%20net%20sales&mode=hybrid&limit=20"));
        pages.put(
                "Administration",
                List.of(
                        "/api/v1/organizations?limit=100",
                        "/api/v1/organizations/" + organization + "/members",
                        "/api/v1/api-keys",
                        "/api/v1/audit-logs?limit=25"));

        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        String auth = "Bearer " + analyst.accessToken();
        StringBuilder rows = new StringBuilder();
        // The nearest names by trigram distance through the GiST index (V70, whose predicate the last condition
        // states), as the service runs it, without HTTP, tokens or row-level security. (The fuzzy-match form,
        // % or ILIKE ranked by similarity, reads every candidate of common words: over a second at 100,000 names.)
        Latency sql = Latency.measure("raw SQL", 100, 500, () -> fixtures.jdbc()
                .sql("""
					SELECT c.id, c.name FROM companies c
					WHERE c.deleted_at IS NULL AND c.organization_id = :org AND c.name % :name
					  AND (coalesce(c.organization_id, c.created_by) IS NULL
					    OR coalesce(c.organization_id, c.created_by) IS NOT NULL)
					ORDER BY c.name <-> :name LIMIT 25""")
                .param("org", organization, Types.OTHER)
                .param("name", "Benchmrk Draco Holdngs 42")
                .query()
                .listOfRows());
        // Opened after the raw SQL: on a loaded machine that took minutes, past the server's keep-alive timeout.
        try (KeepAliveClient client = new KeepAliveClient(port)) {
            for (Map.Entry<String, List<String>> page : pages.entrySet()) {
                Latency l = Latency.measure(page.getKey(), 50, 300, () -> {
                    for (String path : page.getValue()) {
                        KeepAliveClient.Response response = client.get(path, auth);
                        if (response.status() != 200) {
                            throw new IllegalStateException(path + " answered " + response.status());
                        }
                    }
                });
                rows.append("| %s | %d | %.1f | %.1f | %.1f | %s |%n"
                        .formatted(
                                l.name(),
                                page.getValue().size(),
                                l.p50(),
                                l.p95(),
                                l.p99(),
                                l.p95() < 50 ? "yes" : "no"));
            }
            rows.append(
                    "| raw SQL of the nearest names (GiST trigram KNN, JDBC, no HTTP) | 1 | %.1f | %.1f | %.1f | |%n"
                            .formatted(sql.p50(), sql.p95(), sql.p99()));
        }
        String report = """
				## Web pages: server time per page

				| page | API calls | p50 ms | p95 ms | p99 ms | p95 under 50 ms |
				|---|---|---|---|---|---|
				%s""".formatted(rows);
        Path out = Path.of("target", "benchmarks", "web-pages.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger(WebPagesBenchmark.class).warn("\n{}", report);
    }
}
