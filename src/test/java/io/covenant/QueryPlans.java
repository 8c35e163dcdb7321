package io.covenant;

import io.covenant.shared.jdbc.CopyRows;
import io.covenant.shared.jdbc.SqlQuery;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import io.covenant.shared.security.Role;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data set of the plan tests and the reading of their plans. The data (30,000 companies, 30,000 annual and 26,000
 * quarterly predictions: one large organisation, 200 small ones, system and personal rows, uploads of 5,000 rows
 * sharing one {@code created_at}) is written once per database through COPY and ANALYZEd, so that a scan would
 * cost far more than an index and shows in a plan. {@link #explain} runs {@code EXPLAIN (ANALYZE, FORMAT JSON)} as the
 * service does: role {@code covenant_app} with the caller's session settings.
 */
public final class QueryPlans {

    /** The tables whose scan would grow with the data. */
    public static final Set<String> LARGE =
            Set.of("companies", "annual_predictions", "quarterly_predictions", "sec_filings", "financial_metrics");

    public static final String SEARCHED_WORD = "Quartz";

    static final String MARKER = "plan-test big organisation";

    /** The four kinds of caller of the benchmark: super_admin, the big organisation's admin, a small organisation's member, a user with personal rows only. */
    public record Callers4(Caller superAdmin, Caller bigOrgAdmin, Caller smallOrgMember, Caller personalUser) {

        public List<Caller> all() {
            return List.of(superAdmin, bigOrgAdmin, smallOrgMember, personalUser);
        }
    }

    /** What a plan read: the scans of large tables that were sequential, and the rows all its scans touched. */
    public record Plan(List<String> sequentialScans, long rowsRead, String json) {}

    private static Callers4 callers;

    private final JdbcClient jdbc;

    private final DataSource dataSource;

    private final NamedParameterJdbcTemplate named;

    private final JsonMapper json = JsonMapper.builder().build();

    public QueryPlans(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.named = new NamedParameterJdbcTemplate(dataSource);
    }

    /** The callers over the data set, which is generated on first use. */
    public synchronized Callers4 callers() {
        if (callers == null) {
            callers = jdbc.sql("SELECT id FROM organizations WHERE name = :n")
                    .param("n", MARKER)
                    .query(UUID.class)
                    .optional()
                    .map(this::existing)
                    .orElseGet(this::generate);
        }
        return callers;
    }

    public Plan explain(Caller caller, SqlQuery query) {
        return explain(caller, query.sql(), query.params());
    }

    public Plan explain(Caller caller, String sql, Map<String, ?> params) {
        String plan = Callers.runAs(
                caller,
                () -> named.queryForObject(
                        "EXPLAIN (ANALYZE, FORMAT JSON) " + sql, new MapSqlParameterSource(params), String.class));
        return read(plan);
    }

    /**
     * The plans of the statements inside a SECURITY DEFINER function (which an outer EXPLAIN shows as one function
     * scan), as that function runs them: as the owner, with the caller's settings, its arguments bound by name.
     */
    public List<Plan> explainFunction(
            Caller caller, String function, Map<String, String> arguments, Map<String, ?> params) {
        String body = jdbc.sql("SELECT pg_get_functiondef(:f::regproc)")
                .param("f", function)
                .query(String.class)
                .single();
        List<Plan> plans = new ArrayList<>();
        for (String part : body.split("RETURN QUERY")) {
            if (!part.trim().startsWith("SELECT")) {
                continue;
            }
            String statement = part.substring(0, part.indexOf(';'));
            for (var argument : arguments.entrySet()) {
                statement = statement.replace(argument.getKey(), argument.getValue());
            }
            plans.add(read(ownerWithSettings(caller, statement, params)));
        }
        return plans;
    }

    /**
     * The plan of a statement a SECURITY DEFINER function runs through {@code EXECUTE}, which {@link #explainFunction}
     * does not see: as the owner, with the caller's settings.
     */
    public Plan explainAsOwner(Caller caller, String sql, Map<String, ?> params) {
        return read(ownerWithSettings(caller, sql, params));
    }

    /** EXPLAINs as the owner (who runs a SECURITY DEFINER function) with the caller's settings, in a rolled-back transaction. */
    private String ownerWithSettings(Caller caller, String sql, Map<String, ?> params) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                NamedParameterJdbcTemplate single =
                        new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
                single.queryForObject(
                        "SELECT concat(set_config('covenant.user_id', :u, true),"
                                + " set_config('covenant.org_id', :o, true), set_config('covenant.role', :r, true))",
                        Map.of(
                                "u",
                                caller.userId().toString(),
                                "o",
                                caller.organizationId() == null
                                        ? ""
                                        : caller.organizationId().toString(),
                                "r",
                                caller.role().value()),
                        String.class);
                return single.queryForObject(
                        "EXPLAIN (ANALYZE, FORMAT JSON) " + sql, new MapSqlParameterSource(params), String.class);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Plan read(String plan) {
        List<String> seq = new ArrayList<>();
        long[] rows = {0};
        walk(json.readTree(plan).get(0).get("Plan"), seq, rows);
        return new Plan(seq, rows[0], plan);
    }

    private static void walk(JsonNode node, List<String> seq, long[] rows) {
        String relation = node.has("Relation Name") ? node.get("Relation Name").asString() : null;
        long loops = node.path("Actual Loops").asLong(1);
        if (relation != null) {
            // An empty yearly partition of financial_metrics is scanned rather than probed, at no cost: only one that
            // held rows counts.
            boolean partition = relation.startsWith("financial_metrics_")
                    && node.path("Actual Rows").asLong()
                                    + node.path("Rows Removed by Filter").asLong()
                            > 0;
            if (node.get("Node Type").asString().equals("Seq Scan") && (LARGE.contains(relation) || partition)) {
                seq.add(relation);
            }
            rows[0] += loops
                    * (node.path("Actual Rows").asLong()
                            + node.path("Rows Removed by Filter").asLong()
                            + node.path("Rows Removed by Index Recheck").asLong());
        }
        if (node.has("Plans")) {
            for (JsonNode child : node.get("Plans")) {
                walk(child, seq, rows);
            }
        }
    }

    private Callers4 existing(UUID bigOrg) {
        UUID smallOrg = jdbc.sql("SELECT id FROM organizations WHERE name = :n")
                .param("n", MARKER + " small 0")
                .query(UUID.class)
                .single();
        return new Callers4(
                caller(user("super_admin", null), null, Role.SUPER_ADMIN),
                caller(user("org_admin", bigOrg), bigOrg, Role.ORG_ADMIN),
                caller(user("org_member", smallOrg), smallOrg, Role.ORG_MEMBER),
                caller(user("user", null), null, Role.USER));
    }

    private UUID user(String role, UUID org) {
        return jdbc.sql("SELECT id FROM users WHERE email = :e")
                .param("e", email(role, org))
                .query(UUID.class)
                .single();
    }

    private static String email(String role, UUID org) {
        return "plan-" + role.replace('_', '-') + "-" + (org == null ? "none" : org) + "@example.com";
    }

    private static Caller caller(UUID user, UUID org, Role role) {
        return new Caller(user, org, null, role, Set.of("companies:read", "predictions:read"), false);
    }

    private UUID newUser(String role, UUID org) {
        return jdbc.sql("""
				INSERT INTO users (email, password_hash, role, organization_id, is_verified)
				VALUES (:e, 'not-a-hash', :role, :org, TRUE) RETURNING id""")
                .param("e", email(role, org))
                .param("role", role)
                .param("org", org, Types.OTHER)
                .query(UUID.class)
                .single();
    }

    private UUID newOrganization(String name) {
        return jdbc.sql("INSERT INTO organizations (name) VALUES (:n) RETURNING id")
                .param("n", name)
                .query(UUID.class)
                .single();
    }

    private Callers4 generate() {
        UUID bigOrg = newOrganization(MARKER);
        List<UUID> smallOrgs = new ArrayList<>();
        List<UUID> smallOrgAdmins = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            smallOrgs.add(newOrganization(MARKER + " small " + i));
            smallOrgAdmins.add(i == 0 ? null : newUser("org_admin", smallOrgs.get(i)));
        }
        UUID superAdmin = newUser("super_admin", null);
        UUID admin = newUser("org_admin", bigOrg);
        UUID member = newUser("org_member", smallOrgs.get(0));
        UUID personal = newUser("user", null);
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(jdbc.sql("""
					INSERT INTO users (email, password_hash, role, is_verified)
					VALUES (:e, 'not-a-hash', 'user', TRUE) RETURNING id""")
                    .param("e", "plan-other-" + UUID.randomUUID() + "@example.com")
                    .query(UUID.class)
                    .single());
        }
        UUID system = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Random random = new Random(20);
        CopyRows companies = new CopyRows();
        CopyRows annual = new CopyRows();
        CopyRows quarterly = new CopyRows();
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        String[] sectors = {
            "Technology",
            "Healthcare",
            "Financials",
            "Energy",
            "Industrials",
            "Materials",
            "Utilities",
            "Real Estate",
            "Consumer Staples",
            "Consumer Discretionary",
            "Communication Services"
        };
        for (int n = 0; n < 30_000; n++) {
            String level;
            UUID org = null;
            UUID by;
            if (n < 16_000) {
                level = "organization";
                org = bigOrg;
                by = admin;
            } else if (n < 18_000) {
                level = "organization";
                org = smallOrgs.get(n % 200);
                by = n % 200 == 0 ? member : smallOrgAdmins.get(n % 200);
            } else if (n < 26_000) {
                level = "system";
                by = system;
            } else if (n < 27_000) {
                level = "personal";
                by = personal;
            } else {
                level = "personal";
                by = others.get(n % 10);
            }
            UUID id = UUID.randomUUID();
            // Uploads write 5,000 rows with one created_at: the list indexes' id tiebreak keeps a page from reading
            // the whole batch.
            OffsetDateTime created = base.plusMinutes(n / 5_000).plusSeconds(level.equals("system") ? n % 5_000 : 0);
            String name = (n % 500 == 7 ? SEARCHED_WORD : word(random)) + " " + word(random) + " Holdings";
            String sector = sectors[n % sectors.length];
            companies
                    .row()
                    .value(id)
                    .value("P" + Integer.toString(n, 36).toUpperCase())
                    .value(name)
                    .value(sector)
                    .value("A " + sector.toLowerCase() + " company making "
                            + word(random).toLowerCase() + " products")
                    .value(n % 5 == 0 ? null : 1_000_000L + random.nextInt(1_000_000_000))
                    .value(n % 7 == 0 ? null : 1900 + random.nextInt(120))
                    .value(level)
                    .value(org)
                    .value(by)
                    .value(created);
            double p = random.nextInt(10_000) / 10_000.0;
            String risk = p < 0.3 ? "Low" : p < 0.7 ? "Medium" : "High";
            annual.row()
                    .value(id)
                    .value(2020 + n % 5)
                    .value(p)
                    .value(risk)
                    .value(0.8)
                    .value(created)
                    .value(level)
                    .value(org)
                    .value(by)
                    .value(created);
            if (n < 26_000) {
                quarterly
                        .row()
                        .value(id)
                        .value(2020 + n % 5)
                        .value("Q" + (1 + n % 4))
                        .value(p)
                        .value(p / 2)
                        .value(p)
                        .value(risk)
                        .value(0.7)
                        .value(created)
                        .value(level)
                        .value(org)
                        .value(by)
                        .value(created);
            }
        }
        String common = "access_level, organization_id, created_by, created_at)";
        companies.into(
                dataSource, "companies (id, symbol, name, sector, description, market_cap, founded_year, " + common);
        annual.into(
                dataSource,
                "annual_predictions (company_id, reporting_year, probability, risk_level, confidence,"
                        + " predicted_at, " + common);
        quarterly.into(
                dataSource,
                "quarterly_predictions (company_id, reporting_year, reporting_quarter,"
                        + " logistic_probability, gbm_probability, ensemble_probability, risk_level, confidence, predicted_at, "
                        + common);
        filingsAndMetrics();
        jdbc.sql("ANALYZE companies").update();
        jdbc.sql("ANALYZE annual_predictions").update();
        jdbc.sql("ANALYZE quarterly_predictions").update();
        jdbc.sql("ANALYZE sec_filings").update();
        jdbc.sql("ANALYZE financial_metrics").update();
        return new Callers4(
                caller(superAdmin, null, Role.SUPER_ADMIN),
                caller(admin, bigOrg, Role.ORG_ADMIN),
                caller(member, smallOrgs.get(0), Role.ORG_MEMBER),
                caller(personal, null, Role.USER));
    }

    /** The plan-test companies, all created on the first day of 2026 (other tests' rows are created now). */
    public static final String PLAN_COMPANIES = "c.created_at < TIMESTAMPTZ '2026-01-02 00:00:00+00'";

    /**
     * Filings (three per system company, one per other company: about 38,000, many sharing a date) and metrics (two
     * quarterly series of eight points for every second system company: 64,000), written set-based from the companies.
     */
    private void filingsAndMetrics() {
        jdbc.sql("""
				INSERT INTO sec_filings (company_id, filing_type, filing_date, accession_number, fiscal_year, is_xbrl,
				  processing_status)
				SELECT c.id, (ARRAY['10-K', '10-Q', '8-K', '10-Q', '10-Q', '8-K', '8-K', 'DEF 14A', '10-K/A', 'S-1'])
				         [1 + (k + abs(hashtext(c.symbol))) %% 10],
				       DATE '2021-01-01' + (abs(hashtext(c.symbol || k)) %% 1500) / 10 * 10,
				       lpad((row_number() OVER ())::text, 10, '0') || '-26-' || lpad(k::text, 6, '0'), 2021, TRUE,
				       'completed'
				FROM companies c CROSS JOIN generate_series(1, CASE WHEN c.access_level = 'system' THEN 3 ELSE 1 END) k
				WHERE %s""".formatted(PLAN_COMPANIES).replace("%%", "%")).update();
        jdbc.sql("""
				INSERT INTO financial_metrics (company_id, metric_type, metric_date, value, period_type, fiscal_year,
				  fiscal_quarter, metric_category)
				SELECT c.id, t, TIMESTAMPTZ '2023-01-01 00:00:00+00' + q * interval '3 months',
				       1000 + abs(hashtext(c.symbol || t || q)) %% 100000, 'quarterly', 2023 + q / 4, 'Q' || (1 + q %% 4),
				       'financial'
				FROM companies c CROSS JOIN unnest(ARRAY['revenue', 'net_income']) t CROSS JOIN generate_series(0, 7) q
				WHERE c.access_level = 'system' AND abs(hashtext(c.symbol)) %% 2 = 0 AND %s""".formatted(PLAN_COMPANIES).replace("%%", "%")).update();
    }

    /** The syllables of {@link #word}, for generators that build names in SQL. */
    public static List<String> syllables() {
        return List.of(SYLLABLES);
    }

    private static final String[] SYLLABLES = {
        "ba", "de", "fi", "go", "lu", "ma", "ne", "po", "ri", "so", "te", "vi", "ko", "na", "mi", "ru", "da", "le",
        "pe", "ti"
    };

    /** A made-up word of three syllables, capitalised: company names of the generated data sets. */
    public static String word(Random random) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
