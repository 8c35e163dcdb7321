package io.covenant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.QueryPlans;
import io.covenant.shared.audit.AuditAction;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.jdbc.CopyRows;
import io.covenant.shared.security.Role;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every list, filter, search, deep-paging and dashboard call over HTTP, single client, for the four kinds of caller,
 * as the data grows. The generator fills the tables through COPY: companies over 1,000 organisations (one holding 30%
 * of the rows, most of them small), 10% system and 5% personal rows, and five predictions a company (two annual
 * years, three quarters). Sizes are given in companies by {@code -Dcovenant.bench.sizes=100000,1000000} (each size
 * adds to the data of the one before, so run them in increasing order); results go to
 * {@code target/benchmarks/data-scale.md}.
 */
@ApiTest
class DataScaleBenchmark {

	static final int ORGANIZATIONS = 1_000;

	static final int SAMPLES = 20;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationEventPublisher events;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void measuresEveryReadAsTheDataGrows() throws Exception {
		List<UUID> organizations = fixtures.jdbc().sql("""
				INSERT INTO organizations (name) SELECT 'Scale ' || gen_random_uuid() FROM generate_series(1, :n)
				RETURNING id""").param("n", ORGANIZATIONS).query(UUID.class).list();
		Map<String, Person> callers = new LinkedHashMap<>();
		callers.put("super_admin", fixtures.person(Role.SUPER_ADMIN, null));
		callers.put("big org admin", fixtures.person(Role.ORG_ADMIN, organizations.get(0)));
		callers.put("small org member", fixtures.person(Role.ORG_MEMBER, organizations.get(ORGANIZATIONS - 1)));
		callers.put("personal-only user", fixtures.person(Role.USER, null));
		// The other organisations' members write their rows; they never sign in, so they are created directly.
		List<UUID> creators = new ArrayList<>();
		for (int i = 0; i < ORGANIZATIONS; i++) {
			creators.add(i == 0 ? callers.get("big org admin").id()
					: i == ORGANIZATIONS - 1 ? callers.get("small org member").id()
							: fixtures.jdbc().sql("""
									INSERT INTO users (email, password_hash, role, organization_id, is_verified)
									VALUES ('scale-' || gen_random_uuid() || '@example.com', 'none', 'org_admin', :org,
									  TRUE) RETURNING id""").param("org", organizations.get(i)).query(UUID.class)
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
			long rows = generate(done, companies, organizations, creators, callers.get("personal-only user").id());
			double seconds = (System.nanoTime() - started) / 1e9;
			fixtures.jdbc().sql("ANALYZE").update();
			done = companies;
			report.append("""
					### %,d companies, %,d predictions

					Generated through COPY in %.0f s (%,.0f rows/s, with every index and trigger).

					| call | caller | p50 ms | p95 ms |
					|---|---|---|---|
					""".formatted(companies, companies * 5L, seconds, rows / seconds));
			try (KeepAliveClient client = new KeepAliveClient(port)) {
				for (var caller : callers.entrySet()) {
					String auth = "Bearer " + caller.getValue().accessToken();
					String org = caller.getKey().equals("super_admin") ? "&organization_id=" + organizations.get(0) : "";
					// Someone outside any organisation has no organisation dashboards (422), only the summary.
					boolean inOrganization = caller.getValue().organizationId() != null || !org.isEmpty();
					for (var call : calls(client, auth, org, inOrganization).entrySet()) {
						Latency l = Latency.measure(call.getKey(), 2, SAMPLES, call.getValue());
						report.append("| %s | %s | %.1f | %.1f |%n".formatted(l.name(), caller.getKey(), l.p50(),
								l.p95()));
					}
				}
			}
			report.append('\n');
			Path out = Path.of("target", "benchmarks", "data-scale.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, report);
			LoggerFactory.getLogger(DataScaleBenchmark.class).warn("\n{}", report);
		}
	}

	private Map<String, Latency.Call> calls(KeepAliveClient client, String auth, String org, boolean inOrganization) {
		Map<String, Latency.Call> calls = new LinkedHashMap<>();
		for (String path : List.of("/api/v1/companies?limit=50", "/api/v1/companies?limit=50&sort=name",
				"/api/v1/companies?limit=50&sort=market_cap", "/api/v1/companies?limit=50&sector=Energy",
				"/api/v1/companies?limit=50&name=quartz", "/api/v1/companies?limit=50&q=quartz",
				"/api/v1/companies?limit=50&offset=1000", "/api/v1/predictions/annual?limit=50",
				"/api/v1/predictions/annual?limit=50&probability_min=0.5", "/api/v1/predictions/quarterly?limit=50",
				"/api/v1/predictions/dashboard/risk-by-sector?reporting_year=2025" + org,
				"/api/v1/predictions/dashboard/model-deviation?x=1" + org)) {
			if (path.contains("/dashboard/") && !inOrganization) {
				continue;
			}
			calls.put("GET " + path.replace(org, ""), () -> ok(client.get(path, auth)));
		}
		// A prediction written anywhere drops the cached summaries: each call here is the first after a write.
		calls.put("GET /api/v1/predictions/dashboard/summary (uncached)", () -> {
			events.publishEvent(new Audited("bench.prediction_written", "annual_predictions", null, AuditAction.UPDATE,
					null, null, null, null, Map.of()));
			ok(client.get("/api/v1/predictions/dashboard/summary", auth));
		});
		calls.put("GET companies, 10 pages by cursor (all ten)", () -> deep(client, auth, "/api/v1/companies?limit=50"));
		calls.put("GET annual predictions, 10 pages by cursor (all ten)",
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
	 * Companies {@code from} to {@code to} and their predictions, through COPY in chunks of 50,000 companies: 30% in
	 * the first organisation, 55% spread over the others with a long tail, 10% system, 5% personal (half of them the
	 * personal-only user's).
	 */
	private long generate(int from, int to, List<UUID> organizations, List<UUID> creators, UUID personalUser) {
		Random random = new Random(from);
		UUID system = UUID.fromString("00000000-0000-0000-0000-000000000001");
		String[] sectors = { "Technology", "Healthcare", "Financials", "Energy", "Industrials", "Materials",
				"Utilities", "Real Estate", "Consumer Staples", "Consumer Discretionary", "Communication Services" };
		OffsetDateTime base = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		long rows = 0;
		for (int chunk = from; chunk < to; chunk += 50_000) {
			CopyRows companies = new CopyRows();
			CopyRows annual = new CopyRows();
			CopyRows quarterly = new CopyRows();
			for (int n = chunk; n < Math.min(to, chunk + 50_000); n++) {
				int bucket = n % 100;
				String level;
				UUID org = null;
				UUID by;
				if (bucket < 30) {
					level = "organization";
					org = organizations.get(0);
					by = creators.get(0);
				}
				else if (bucket < 85) {
					level = "organization";
					// A long tail: organisation k gets about 1/k of the rest.
					int k = 1 + (int) Math.min(ORGANIZATIONS - 2, Math.floor(Math.exp(random.nextDouble() * Math.log(ORGANIZATIONS - 1))));
					org = organizations.get(k);
					by = creators.get(k);
				}
				else if (bucket < 95) {
					level = "system";
					by = system;
				}
				else {
					level = "personal";
					by = bucket < 97 ? personalUser : creators.get(1 + random.nextInt(ORGANIZATIONS - 1));
				}
				UUID id = UUID.randomUUID();
				OffsetDateTime created = base.plusSeconds(n / 5_000 * 60L);
				String name = (n % 1_000 == 7 ? "Quartz" : QueryPlans.word(random)) + " " + QueryPlans.word(random) + " Holdings";
				String sector = sectors[n % sectors.length];
				companies.row().value(id).value("S" + Integer.toString(n, 36).toUpperCase()).value(name).value(sector)
					.value("A " + sector.toLowerCase() + " company making " + QueryPlans.word(random).toLowerCase() + " products")
					.value(n % 5 == 0 ? null : 1_000_000L + random.nextInt(1_000_000_000))
					.value(n % 7 == 0 ? null : 1900 + random.nextInt(120)).value(level).value(org).value(by)
					.value(created);
				for (int year = 2024; year <= 2025; year++) {
					double p = random.nextInt(10_000) / 10_000.0;
					annual.row().value(id).value(year).value(p).value(risk(p)).value(0.8).value(created).value(level)
						.value(org).value(by).value(created);
				}
				for (int q = 1; q <= 3; q++) {
					double p = random.nextInt(10_000) / 10_000.0;
					quarterly.row().value(id).value(2025).value("Q" + q).value(p).value(p / 2).value(p).value(risk(p))
						.value(0.7).value(created).value(level).value(org).value(by).value(created);
				}
			}
			String common = "access_level, organization_id, created_by, created_at)";
			rows += companies.into(dataSource, "companies (id, symbol, name, sector, description, market_cap,"
					+ " founded_year, " + common);
			rows += annual.into(dataSource, "annual_predictions (company_id, reporting_year, probability, risk_level,"
					+ " confidence, predicted_at, " + common);
			rows += quarterly.into(dataSource, "quarterly_predictions (company_id, reporting_year, reporting_quarter,"
					+ " logistic_probability, gbm_probability, ensemble_probability, risk_level, confidence,"
					+ " predicted_at, " + common);
		}
		return rows;
	}

	private static String risk(double p) {
		return p < 0.3 ? "Low" : p < 0.7 ? "Medium" : "High";
	}

}
