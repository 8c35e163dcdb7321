package io.covenant.bench;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Raw COPY of 100,000 new companies and their annual predictions (issue 20), as the table owner, in one transaction,
 * into three layouts alternately in the same run, so that the machine's load weighs on all alike:
 *
 * <ul>
 *   <li>the tables as the seeds define them (every index of V8 and V16, random version-4 keys, the per-row
 *       organisation trigger), built in a schema of their own; {@code -Dcovenant.bench.write.seeds=false} leaves it
 *       out;
 *   <li>the tables before {@link #CHANGE}: today's tables with what that migration dropped put back (each dropped
 *       index from its last definition in the migrations before it) and the per-row organisation trigger, inside the
 *       measured transaction but before the clock starts; the migration is applied again after the commit;
 *   <li>the tables as they are now.
 * </ul>
 *
 * Each COPY starts on settled tables ({@link BenchData#settle}: vacuumed, no autovacuum running, a fresh
 * checkpoint), so that no run pays for the one before it. The figure is companies per second of both COPYs (100,000 companies over the time of both); the rows/s of
 * both tables is twice that. Results go to {@code target/benchmarks/write-scale.md}.
 */
@ApiTest
class WriteScaleBenchmark {

    static final int COMPANIES = Integer.getInteger("covenant.bench.write.companies", 100_000);

    static final int RUNS = Integer.getInteger("covenant.bench.runs", 2);

    static final boolean SEEDS = Boolean.parseBoolean(System.getProperty("covenant.bench.write.seeds", "true"));

    /** The migration whose effect the "before" layout takes out. */
    static final String CHANGE = "V82__lighten_company_and_prediction_writes.sql";

    static final Pattern INDEX = Pattern.compile("CREATE (UNIQUE )?INDEX[^;]+;", Pattern.DOTALL);

    static final Pattern INDEX_NAME = Pattern.compile("CREATE (?:UNIQUE )?INDEX (\\w+)");

    static final Pattern DROPPED = Pattern.compile("DROP INDEX (?:IF EXISTS )?(\\w+)");

    static final Pattern VERSION = Pattern.compile("V(\\d+)__");

    static final String EXPLANATION = "{\"reasons\": [{\"model\": \"logistic\", \"intercept\": -2.1, \"contributions\":"
            + " {\"return_on_assets\": 0.41, \"net_income_margin\": 0.22, \"total_debt_to_ebitda\": -0.13,"
            + " \"ebit_to_interest_expense\": 0.08, \"long_term_debt_to_total_capital\": 0.05}}]}";

    /** V18's organisation check, one row at a time, for the layouts that predate the statement-level one. */
    static final String ROW_CHECK = """
			CREATE FUNCTION seed_layout.check_prediction_organization_row() RETURNS trigger
			LANGUAGE plpgsql AS $$
			BEGIN
			    IF NEW.organization_id IS NOT NULL THEN
			        IF NOT EXISTS (
			            SELECT 1 FROM companies
			            WHERE id = NEW.company_id
			              AND (organization_id = NEW.organization_id OR organization_id IS NULL)
			        ) THEN
			            RAISE EXCEPTION 'Company must belong to the same organization as the prediction'
			                USING ERRCODE = 'check_violation', CONSTRAINT = 'prediction_organization_consistency';
			        END IF;
			    END IF;
			    RETURN NEW;
			END;
			$$""";

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    final Random random = new Random(7);

    /** A layout measured: where it lives, its keys, and the SQL that makes it before the clock starts. */
    record Layout(String label, String schema, boolean timeOrdered, String setup, String restore) {}

    /** One measurement: seconds of the companies' COPY and of the predictions' COPY. */
    record Timing(double companies, double predictions) {

        double both() {
            return companies + predictions;
        }
    }

    @Test
    void copiesNewCompaniesAndTheirPredictionsIntoTheSeedTheFormerAndTheCurrentLayouts() throws Exception {
        createSeedLayout();
        String change = migration(CHANGE);
        List<Layout> layouts = new ArrayList<>();
        if (SEEDS) {
            layouts.add(new Layout("as the seeds define them", "seed_layout", false, "", ""));
        }
        layouts.add(new Layout("before " + CHANGE.substring(0, 3), "public", true, undo(change), change));
        layouts.add(new Layout("now", "public", true, "", ""));
        Map<Layout, List<Timing>> timings = new LinkedHashMap<>();
        layouts.forEach(layout -> timings.put(layout, new ArrayList<>()));
        String loadBefore = BenchData.loadAverage();
        for (int run = 0; run < RUNS; run++) {
            List<Layout> order = new ArrayList<>(layouts);
            if (run % 2 == 1) {
                // Alternate the order, so that neither always runs on the bigger table.
                Collections.reverse(order);
            }
            for (Layout layout : order) {
                timings.get(layout).add(copy(layout));
            }
        }
        String loadAfter = BenchData.loadAverage();
        StringBuilder rows = new StringBuilder();
        Timing now = best(timings.get(layouts.get(layouts.size() - 1)));
        for (Layout layout : layouts) {
            Timing best = best(timings.get(layout));
            rows.append("| %s | %s | %s | %s | %s | %s | %,.0f | %,.0f | %.2f |\n"
                    .formatted(
                            layout.label(),
                            indexCounts(layout),
                            layout.timeOrdered() ? "time-ordered (v7)" : "random (v4)",
                            list(timings.get(layout), Timing::companies),
                            list(timings.get(layout), Timing::predictions),
                            list(timings.get(layout), Timing::both),
                            COMPANIES / best.both(),
                            2 * COMPANIES / best.both(),
                            best.both() / now.both()));
        }
        String report = """
				### Raw COPY of %,d new companies + %,d annual predictions

				Load average %s before, %s after. Best of %d runs each, alternating.

				| tables | indexes (companies / annual) | keys | companies s | predictions s | both s | companies/s of both COPYs (issue's figure) | rows/s (both tables) | now is x faster |
				|---|---|---|---|---|---|---|---|---|
				%s""".formatted(COMPANIES, COMPANIES, loadBefore, loadAfter, RUNS, rows);
        Path out = Path.of("target", "benchmarks", "write-scale.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger(WriteScaleBenchmark.class).warn("\n{}", report);
    }

    /**
     * SQL that takes out what the migration did: each index it drops comes back from its last definition in the
     * migrations before it, and the organisation check runs per row again.
     */
    private String undo(String change) throws IOException {
        Map<String, String> definitions = new LinkedHashMap<>();
        int changed = version(CHANGE);
        Resource[] migrations =
                new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
        Arrays.sort(migrations, Comparator.comparingInt(m -> version(m.getFilename())));
        for (Resource migration : migrations) {
            if (version(migration.getFilename()) >= changed) {
                continue;
            }
            Matcher index = INDEX.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (index.find()) {
                Matcher name = INDEX_NAME.matcher(index.group());
                if (name.find()) {
                    definitions.put(name.group(1), index.group());
                }
            }
        }
        StringBuilder sql = new StringBuilder();
        Matcher dropped = DROPPED.matcher(change);
        while (dropped.find()) {
            String name = dropped.group(1);
            sql.append("DROP INDEX IF EXISTS ").append(name).append(";\n");
            if (definitions.containsKey(name)) {
                sql.append(definitions.get(name)).append('\n');
            }
        }
        sql.append("""
				DROP TRIGGER IF EXISTS trigger_annual_prediction_org_check ON annual_predictions;
				DROP TRIGGER IF EXISTS trigger_annual_prediction_org_check_update ON annual_predictions;
				CREATE TRIGGER trigger_annual_prediction_org_check BEFORE INSERT OR UPDATE ON annual_predictions
				  FOR EACH ROW EXECUTE FUNCTION seed_layout.check_prediction_organization_row();
				""");
        return sql.toString();
    }

    /** The two tables in a schema of their own with the seeds' index set, from V8's and V16's own statements. */
    private void createSeedLayout() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS seed_layout CASCADE");
            sql.execute("CREATE SCHEMA seed_layout");
            sql.execute(ROW_CHECK);
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
					  ON seed_layout.annual_predictions FOR EACH ROW
					  EXECUTE FUNCTION seed_layout.check_prediction_organization_row()""");
            for (String migration : List.of("V8__create_companies.sql", "V16__create_annual_predictions.sql")) {
                Matcher index = INDEX.matcher(migration(migration));
                while (index.find()) {
                    sql.execute(index.group());
                }
            }
            sql.execute("SET search_path = public");
        }
    }

    /** Seconds to COPY the companies and then their predictions in one transaction, as the owner. */
    private Timing copy(Layout layout) throws Exception {
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
            UUID id = layout.timeOrdered() ? BenchData.v7() : UUID.randomUUID();
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
        String schema = layout.schema();
        BenchData.settle(fixtures.jdbc(), schema + ".companies", schema + ".annual_predictions");
        Timing timing;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                // A COPY of 100,000 rows may outlast the pool's 60 s statement timeout on a loaded machine.
                sql.execute("SET LOCAL statement_timeout = 0");
                if (!layout.setup().isEmpty()) {
                    sql.execute(layout.setup());
                }
                // The organisation trigger's unqualified companies are the ones of the layout measured.
                sql.execute("SET LOCAL search_path = " + schema + ", public");
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            copy.copyIn(
                    "COPY " + schema + ".companies (id, symbol, name, sector, country, market_cap, access_level,"
                            + " organization_id, created_by) FROM STDIN",
                    new StringReader(companies.toString()));
            long between = System.nanoTime();
            copy.copyIn(
                    "COPY " + schema + ".annual_predictions (company_id, reporting_year, probability, risk_level,"
                            + " confidence, predicted_at, long_term_debt_to_total_capital, total_debt_to_ebitda,"
                            + " net_income_margin, ebit_to_interest_expense, return_on_assets, model_version, explanation,"
                            + " access_level, organization_id, created_by) FROM STDIN",
                    new StringReader(predictions.toString()));
            connection.commit();
            long ended = System.nanoTime();
            timing = new Timing((between - started) / 1e9, (ended - between) / 1e9);
        }
        if (!layout.restore().isEmpty()) {
            try (Connection connection = dataSource.getConnection();
                    Statement sql = connection.createStatement()) {
                sql.execute(layout.restore());
            }
        }
        return timing;
    }

    /** Index counts of the layout as measured (the "before" one with the dropped indexes back). */
    private String indexCounts(Layout layout) throws Exception {
        if (layout.setup().isEmpty()) {
            return indexes(layout.schema(), "companies") + " / " + indexes(layout.schema(), "annual_predictions");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute(layout.setup());
            }
            String counts = indexes(connection, layout.schema(), "companies") + " / "
                    + indexes(connection, layout.schema(), "annual_predictions");
            connection.rollback();
            return counts;
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

    private static long indexes(Connection connection, String schema, String table) throws Exception {
        try (var statement =
                connection.prepareStatement("SELECT count(*) FROM pg_indexes WHERE schemaname = ? AND tablename = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String migration(String name) throws IOException {
        return new ClassPathResource("db/migration/" + name).getContentAsString(StandardCharsets.UTF_8);
    }

    private static int version(String filename) {
        Matcher version = VERSION.matcher(filename);
        return version.find() ? Integer.parseInt(version.group(1)) : Integer.MAX_VALUE;
    }

    private static Timing best(List<Timing> timings) {
        return timings.stream().min(Comparator.comparingDouble(Timing::both)).orElseThrow();
    }

    private static String list(List<Timing> timings, ToDoubleFunction<Timing> part) {
        return String.join(
                ", ",
                timings.stream()
                        .map(t -> "%.2f".formatted(part.applyAsDouble(t)))
                        .toList());
    }
}
