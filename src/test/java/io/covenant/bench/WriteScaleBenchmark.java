package io.covenant.bench;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Raw COPY of 100,000 new companies and their annual predictions, as the table owner, into the tables as the seeds
 * define them (every index of V8 and V16, random version-4 keys, the organisation trigger) and into the tables as they
 * are now (V40-V46: the list indexes, version-7 keys, the aggregate triggers), alternately in the same run, so that
 * the machine's load weighs on both alike. Results go to {@code target/benchmarks/write-scale.md}.
 */
@ApiTest
class WriteScaleBenchmark {

    static final int COMPANIES = 100_000;

    static final int RUNS = Integer.getInteger("covenant.bench.runs", 2);

    static final Pattern INDEX = Pattern.compile("CREATE (UNIQUE )?INDEX[^;]+;", Pattern.DOTALL);

    static final String EXPLANATION = "{\"reasons\": [{\"model\": \"logistic\", \"intercept\": -2.1, \"contributions\":"
            + " {\"return_on_assets\": 0.41, \"net_income_margin\": 0.22, \"total_debt_to_ebitda\": -0.13,"
            + " \"ebit_to_interest_expense\": 0.08, \"long_term_debt_to_total_capital\": 0.05}}]}";

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    final Random random = new Random(7);

    @Test
    void copiesNewCompaniesAndTheirPredictionsIntoTheSeedAndTheCurrentIndexSets() throws Exception {
        createSeedLayout();
        List<Double> seed = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            seed.add(copy("seed_layout", false));
            current.add(copy("public", true));
        }
        double before = seed.stream().sorted().toList().get(0);
        double after = current.stream().sorted().toList().get(0);
        String report = """
				### Raw COPY of %,d new companies + %,d annual predictions

				| tables | indexes (companies / annual) | keys | seconds (runs) | rows/s |
				|---|---|---|---|---|
				| as the seeds define them | %d / %d | random (v4) | %s | %,.0f |
				| as they are now (V40-V46) | %d / %d | time-ordered (v7) | %s | %,.0f |

				Best of %d runs each, alternating; now / seeds: **%.2f**.
				""".formatted(
                        COMPANIES,
                        COMPANIES,
                        indexes("seed_layout", "companies"),
                        indexes("seed_layout", "annual_predictions"),
                        list(seed),
                        2 * COMPANIES / before,
                        indexes("public", "companies"),
                        indexes("public", "annual_predictions"),
                        list(current),
                        2 * COMPANIES / after,
                        RUNS,
                        before / after);
        Path out = Path.of("target", "benchmarks", "write-scale.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger(WriteScaleBenchmark.class).warn("\n{}", report);
    }

    /** The two tables in a schema of their own with the seeds' index set, from V8's and V16's own statements. */
    private void createSeedLayout() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS seed_layout CASCADE");
            sql.execute("CREATE SCHEMA seed_layout");
            sql.execute("SET search_path = seed_layout, public");
            sql.execute("""
					CREATE TABLE seed_layout.companies (LIKE public.companies INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
					ALTER TABLE seed_layout.companies ALTER COLUMN id SET DEFAULT gen_random_uuid(), ADD PRIMARY KEY (id),
					  ADD FOREIGN KEY (organization_id) REFERENCES public.organizations (id) ON DELETE CASCADE,
					  ADD FOREIGN KEY (created_by) REFERENCES public.users (id);
					CREATE TABLE seed_layout.annual_predictions
					  (LIKE public.annual_predictions INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
					ALTER TABLE seed_layout.annual_predictions ALTER COLUMN id SET DEFAULT gen_random_uuid(),
					  ADD PRIMARY KEY (id),
					  ADD FOREIGN KEY (company_id) REFERENCES seed_layout.companies (id) ON DELETE CASCADE,
					  ADD FOREIGN KEY (organization_id) REFERENCES public.organizations (id) ON DELETE CASCADE,
					  ADD FOREIGN KEY (created_by) REFERENCES public.users (id),
					  ADD CONSTRAINT unique_annual_prediction UNIQUE (company_id, reporting_year, organization_id);
					CREATE TRIGGER trigger_annual_prediction_org_check BEFORE INSERT OR UPDATE
					  ON seed_layout.annual_predictions FOR EACH ROW EXECUTE FUNCTION check_prediction_organization_consistency()""");
            for (String migration : List.of("V8__create_companies.sql", "V16__create_annual_predictions.sql")) {
                String text =
                        new ClassPathResource("db/migration/" + migration).getContentAsString(StandardCharsets.UTF_8);
                Matcher index = INDEX.matcher(text);
                while (index.find()) {
                    sql.execute(index.group());
                }
            }
            sql.execute("SET search_path = public");
        }
    }

    /** Seconds to COPY the companies and their predictions in one transaction, as the owner. */
    private double copy(String schema, boolean timeOrdered) throws Exception {
        UUID organization = fixtures.organization(null);
        UUID user = fixtures.jdbc()
                .sql("INSERT INTO users (email, password_hash, role, organization_id) VALUES "
                        + "(:email, 'x', 'org_member', :org) RETURNING id")
                .param("email", "write-" + UUID.randomUUID() + "@example.com")
                .param("org", organization)
                .query(UUID.class)
                .single();
        StringBuilder companies = new StringBuilder();
        StringBuilder predictions = new StringBuilder();
        String tag = Integer.toString(random.nextInt(1 << 20), 36).toUpperCase();
        for (int n = 0; n < COMPANIES; n++) {
            UUID id = timeOrdered ? v7() : UUID.randomUUID();
            String symbol = "W" + tag + Integer.toString(n, 36).toUpperCase();
            companies
                    .append(String.join(
                            "\t",
                            id.toString(),
                            symbol,
                            "Company " + symbol,
                            "Sector " + n % 11,
                            "USA",
                            Long.toString(1_000_000L + n),
                            "organization",
                            organization.toString(),
                            user.toString()))
                    .append('\n');
            double p = random.nextInt(10_000) / 10_000.0;
            predictions
                    .append(String.join(
                            "\t",
                            id.toString(),
                            "2025",
                            Double.toString(p),
                            p < 0.3 ? "Low" : p < 0.7 ? "Medium" : "High",
                            "0.8000",
                            "2026-01-01T00:00:00Z",
                            "0.3000",
                            "2.5000",
                            "0.0800",
                            "6.0000",
                            "0.0500",
                            "v1",
                            EXPLANATION,
                            "organization",
                            organization.toString(),
                            user.toString()))
                    .append('\n');
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                // A COPY of 100,000 rows may outlast the pool's 60 s statement timeout on a loaded machine.
                sql.execute("SET LOCAL statement_timeout = 0");
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            copy.copyIn(
                    "COPY " + schema + ".companies (id, symbol, name, sector, country, market_cap, access_level,"
                            + " organization_id, created_by) FROM STDIN",
                    new StringReader(companies.toString()));
            try (Statement sql = connection.createStatement()) {
                // The organisation trigger's unqualified companies are the ones of the layout measured.
                sql.execute("SET LOCAL search_path = " + schema + ", public");
            }
            copy.copyIn(
                    "COPY " + schema + ".annual_predictions (company_id, reporting_year, probability, risk_level,"
                            + " confidence, predicted_at, long_term_debt_to_total_capital, total_debt_to_ebitda,"
                            + " net_income_margin, ebit_to_interest_expense, return_on_assets, model_version, explanation,"
                            + " access_level, organization_id, created_by) FROM STDIN",
                    new StringReader(predictions.toString()));
            connection.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private long indexes(String schema, String table) {
        return fixtures.jdbc()
                .sql("SELECT count(*) FROM pg_indexes WHERE schemaname = :s AND tablename = :t")
                .param("s", schema)
                .param("t", table)
                .query(Long.class)
                .single();
    }

    /** A version-7 UUID as {@code uuid_generate_v7()} makes it: Unix milliseconds, then random bits. */
    private UUID v7() {
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> "%.2f".formatted(v)).toList());
    }
}
