package io.covenant.bench;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.audit.AuditAction;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every list, filter, search, deep-paging and dashboard call over HTTP, single client, for the four kinds of caller,
 * as the data grows, beside the raw SQL floor of its kind. {@link ScaleData} fills the tables set-based: companies
 * over 1,000 organisations (one holding 30% of the rows, most of them small), 10% system and 5% personal rows, five
 * predictions a company (two annual years, three quarters), filings and metrics of the system companies. Sizes are
 * given in companies by {@code -Dcovenant.bench.sizes=100000,1000000} (each size adds to the data of the one before,
 * so run them in increasing order); results go to {@code target/benchmarks/data-scale.md}. On a busy machine a chunk's
 * statement outlasts the service's 60 s timeout: add
 * {@code "-Dspring.datasource.hikari.data-source-properties.options=-c jit=off -c statement_timeout=0"}, and
 * {@code -Dcovenant.database.embedded.data-directory=target/bench-postgres} so that tests run meanwhile do not clean
 * the benchmark's database (they share {@code target/embedded-postgres} otherwise).
 *
 * <p>After generating each size the benchmark runs {@code VACUUM (ANALYZE)} and waits until no autovacuum worker runs
 * before measuring: an installation reads tables that autovacuum has long since visited (visibility map set, so an
 * index-only scan skips the heap; hint bits set), not millions of rows written a second ago with autovacuum working
 * through them on the same two cores during the measurement.
 */
@ApiTest
class DataScaleBenchmark {

    static final int ORGANIZATIONS = 1_000;

    static final int SAMPLES = 20;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationEventPublisher events;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void measuresEveryReadAsTheDataGrows() throws Exception {
        List<UUID> organizations = fixtures.jdbc()
                .sql("""
				INSERT INTO organizations (name) SELECT 'Scale ' || gen_random_uuid() FROM generate_series(1, :n)
				RETURNING id""")
                .param("n", ORGANIZATIONS)
                .query(UUID.class)
                .list();
        Map<String, Person> callers = new LinkedHashMap<>();
        callers.put("super_admin", fixtures.person(Role.SUPER_ADMIN, null));
        callers.put("big org admin", fixtures.person(Role.ORG_ADMIN, organizations.get(0)));
        callers.put("small org member", fixtures.person(Role.ORG_MEMBER, organizations.get(ORGANIZATIONS - 1)));
        callers.put("personal-only user", fixtures.person(Role.USER, null));
        // The other organisations' members write their rows; they never sign in, so they are created directly.
        List<UUID> creators = new ArrayList<>();
        for (int i = 0; i < ORGANIZATIONS; i++) {
            creators.add(
                    i == 0
                            ? callers.get("big org admin").id()
                            : i == ORGANIZATIONS - 1
                                    ? callers.get("small org member").id()
                                    : fixtures.jdbc()
                                            .sql("""
									INSERT INTO users (email, password_hash, role, organization_id, is_verified)
									VALUES ('scale-' || gen_random_uuid() || '@example.com', 'none', 'org_admin', :org,
									  TRUE) RETURNING id""")
                                            .param("org", organizations.get(i))
                                            .query(UUID.class)
                                            .single());
        }
        StringBuilder report = new StringBuilder("""
				## Data scale (issue 20) — `DataScaleBenchmark`

				""");
        int done = 0;
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        for (String size : System.getProperty("covenant.bench.sizes", "100000").split(",")) {
            int companies = Integer.parseInt(size.trim());
            long started = System.nanoTime();
            long rows = ScaleData.generate(
                    fixtures.jdbc(),
                    done,
                    companies,
                    organizations,
                    creators,
                    callers.get("personal-only user").id());
            double seconds = (System.nanoTime() - started) / 1e9;
            double vacuumSeconds = vacuum();
            done = companies;
            report.append("""
					### %,d companies, %,d predictions

					Generated set-based (ScaleData) in %.0f s: %,d rows, %,.0f rows/s with every index, the aggregates
					recounted after the load; then VACUUM (ANALYZE) and no autovacuum worker left: %.0f s. Load average
					before measuring: %s.

					| call | caller | p50 ms | p95 ms | raw SQL p50 ms | p50 / raw |
					|---|---|---|---|---|---|
					""".formatted(
                    companies, companies * 5L, seconds, rows, rows / seconds, vacuumSeconds, BenchData.loadAverage()));
            Map<String, Double> raw = raw(organizations.get(0));
            try (KeepAliveClient client = new KeepAliveClient(port)) {
                for (var caller : callers.entrySet()) {
                    // Signed in again: a load on a busy machine outlasts an access token (15 minutes).
                    String auth = "Bearer "
                            + fixtures.login(caller.getValue().email(), Fixtures.PASSWORD)
                                    .get("access_token");
                    String org =
                            caller.getKey().equals("super_admin") ? "&organization_id=" + organizations.get(0) : "";
                    // Someone outside any organisation has no organisation dashboards (422), only the summary.
                    boolean inOrganization = caller.getValue().organizationId() != null || !org.isEmpty();
                    for (var call : calls(client, auth, org, inOrganization).entrySet()) {
                        Latency l = Latency.measure(call.getKey(), 2, SAMPLES, call.getValue());
                        double floor = baseline(raw, call.getKey());
                        report.append("| %s | %s | %.1f | %.1f | %.2f | %.0f |%n"
                                .formatted(l.name(), caller.getKey(), l.p50(), l.p95(), floor, l.p50() / floor));
                    }
                }
            }
            report.append("\nLoad average after measuring: %s.%n%n".formatted(BenchData.loadAverage()));
            Path out = Path.of("target", "benchmarks", "data-scale.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            LoggerFactory.getLogger(DataScaleBenchmark.class).warn("\n{}", report);
        }
    }

    /** Vacuums and analyses the whole database, then waits for autovacuum to finish what it started; seconds taken. */
    private double vacuum() {
        long started = System.nanoTime();
        fixtures.jdbc().sql("VACUUM (ANALYZE)").update();
        BenchData.awaitNoVacuum(fixtures.jdbc(), Duration.ofMinutes(30));
        return (System.nanoTime() - started) / 1e9;
    }

    private Map<String, Latency.Call> calls(KeepAliveClient client, String auth, String org, boolean inOrganization) {
        Map<String, Latency.Call> calls = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/v1/companies?limit=50",
                "/api/v1/companies?limit=50&sort=name",
                "/api/v1/companies?limit=50&sort=market_cap",
                "/api/v1/companies?limit=50&sector=Energy",
                "/api/v1/companies?limit=50&name=quartz",
                "/api/v1/companies?limit=50&name=holdings",
                "/api/v1/companies?limit=50&q=quartz",
                "/api/v1/filings?limit=50",
                "/api/v1/companies?limit=50&offset=1000",
                "/api/v1/predictions/annual?limit=50",
                "/api/v1/predictions/annual?limit=50&probability_min=0.5",
                "/api/v1/predictions/quarterly?limit=50",
                "/api/v1/predictions/dashboard/risk-by-sector?reporting_year=2025" + org,
                "/api/v1/predictions/dashboard/model-deviation?x=1" + org)) {
            if (path.contains("/dashboard/") && !inOrganization) {
                continue;
            }
            calls.put("GET " + path.replace(org, ""), () -> ok(client.get(path, auth)));
        }
        // A prediction written anywhere drops the cached summaries: each call here is the first after a write.
        calls.put("GET /api/v1/predictions/dashboard/summary (uncached)", () -> {
            events.publishEvent(new Audited(
                    "bench.prediction_written",
                    "annual_predictions",
                    null,
                    AuditAction.UPDATE,
                    null,
                    null,
                    null,
                    null,
                    Map.of()));
            ok(client.get("/api/v1/predictions/dashboard/summary", auth));
        });
        calls.put(
                "GET companies, 10 pages by cursor (all ten)", () -> deep(client, auth, "/api/v1/companies?limit=50"));
        calls.put(
                "GET annual predictions, 10 pages by cursor (all ten)",
                () -> deep(client, auth, "/api/v1/predictions/annual?limit=50"));
        return calls;
    }

    /** Follows next_cursor 9 times; the time of all ten pages is what a client paging that deep waits. */
    private void deep(KeepAliveClient client, String auth, String path) throws Exception {
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            KeepAliveClient.Response response = client.get(path + (cursor == null ? "" : "&cursor=" + cursor), auth);
            JsonNode body = json.readTree(ok(response).text());
            JsonNode next = body.path("next_cursor");
            if (next.isMissingNode() || next.isNull()) {
                return;
            }
            cursor = next.asString();
        }
    }

    private static KeepAliveClient.Response ok(KeepAliveClient.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("answered " + response.status() + ": " + response.text());
        }
        return response;
    }

    /**
     * The floor of each kind of call: one page read straight from its index by the owner (no HTTP, no row-level
     * security, no access rule), p50 in ms. A call's ratio to it is what the service adds.
     */
    private Map<String, Double> raw(UUID bigOrg) throws Exception {
        String everyOwner = "(coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by)"
                + " IS NOT NULL)";
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put(
                "companies",
                "SELECT * FROM companies WHERE deleted_at IS NULL AND " + everyOwner
                        + " ORDER BY created_at DESC, id DESC LIMIT 51");
        statements.put(
                "annual",
                "SELECT * FROM annual_predictions WHERE " + everyOwner + " ORDER BY created_at DESC, id DESC LIMIT 51");
        statements.put(
                "quarterly",
                "SELECT * FROM quarterly_predictions WHERE " + everyOwner
                        + " ORDER BY created_at DESC, id DESC LIMIT 51");
        statements.put(
                "filings",
                "SELECT * FROM sec_filings WHERE deleted_at IS NULL" + " ORDER BY filing_date DESC, id DESC LIMIT 51");
        statements.put(
                "dashboard",
                "SELECT * FROM prediction_sector_risk WHERE organization_id = '" + bigOrg
                        + "' AND reporting_year = '2025'");
        Map<String, Double> floors = new LinkedHashMap<>();
        for (var statement : statements.entrySet()) {
            Latency l = Latency.measure(statement.getKey(), 2, SAMPLES, () -> fixtures.jdbc()
                    .sql(statement.getValue())
                    .query()
                    .listOfRows());
            floors.put(statement.getKey(), l.p50());
        }
        return floors;
    }

    private static double baseline(Map<String, Double> raw, String call) {
        String kind = call.contains("dashboard")
                ? "dashboard"
                : call.contains("annual")
                        ? "annual"
                        : call.contains("quarterly") ? "quarterly" : call.contains("filings") ? "filings" : "companies";
        return raw.get(kind) * (call.contains("10 pages") ? 10 : 1);
    }
}
