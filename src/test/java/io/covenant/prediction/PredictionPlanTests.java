package io.covenant.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.QueryPlans;
import io.covenant.QueryPlans.Plan;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.Caller;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The prediction lists' and dashboards' plans on 30,000 annual and 26,000 quarterly predictions, as each kind of
 * caller runs them under row-level security: no sequential scan, rows read bounded by a small multiple of the page.
 */
@ApiTest
class PredictionPlanTests {

    static final int PAGE = 50;

    static final PredictionFilter NONE = new PredictionFilter(null, null, null, null, null, null, null);

    @Autowired
    PredictionRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    QueryPlans plans;

    @BeforeEach
    void data() {
        plans = new QueryPlans(jdbc, dataSource);
    }

    @Test
    void listsReadAboutOnePagePerAccessBranchForEveryCaller() {
        PredictionFilter risky = new PredictionFilter(null, null, null, null, new BigDecimal("0.5"), null, null);
        PredictionFilter highInOneYear = new PredictionFilter(null, "2022", null, "High", null, null, null);
        for (Caller caller : plans.callers().all()) {
            for (PredictionKind kind : PredictionKind.values()) {
                // Each join to its company reads one row more per prediction.
                assertBounded(
                        plans.explain(caller, repository.listQuery(kind, NONE, null, PAGE, caller)),
                        caller + " " + kind,
                        3 * 2 * (PAGE + 1));
                assertBounded(
                        plans.explain(caller, repository.listQuery(kind, risky, null, PAGE, caller)),
                        caller + " " + kind + " probability_min",
                        3 * 2 * 2 * (PAGE + 1));
                // One year in five and one risk level in about three.
                assertBounded(
                        plans.explain(caller, repository.listQuery(kind, highInOneYear, null, PAGE, caller)),
                        caller + " " + kind + " year and risk",
                        3 * 2 * 16 * (PAGE + 1));
            }
        }
    }

    @Test
    void aDeepCursorPageReadsNoMoreThanTheFirst() {
        var callers = plans.callers();
        for (PredictionKind kind : PredictionKind.values()) {
            Map<String, Object> row = jdbc.sql("SELECT created_at, id FROM " + kind.table
                            + " WHERE organization_id = :org ORDER BY created_at DESC, id DESC OFFSET 12000 LIMIT 1")
                    .param("org", callers.bigOrgAdmin().organizationId())
                    .query()
                    .singleRow();
            Cursor after = new Cursor(((Timestamp) row.get("created_at")).toInstant(), (UUID) row.get("id"));
            for (Caller caller : callers.all()) {
                assertBounded(
                        plans.explain(caller, repository.listQuery(kind, NONE, after, PAGE, caller)),
                        caller + " " + kind + " cursor",
                        3 * 2 * (PAGE + 1));
            }
        }
    }

    @Test
    void dashboardsReadTheirAggregatesOnly() {
        var callers = plans.callers();
        for (Caller caller : callers.all()) {
            Map<String, Object> params = new HashMap<>();
            params.put(
                    "org",
                    new SqlParameterValue(Types.OTHER, callers.bigOrgAdmin().organizationId()));
            params.put("year", "2022");
            params.put("user", caller.userId());
            params.put("super", caller.isSuperAdmin());
            for (String sql : new String[] {
                DashboardRepository.SECTOR_RISK, DashboardRepository.MODEL_DEVIATION, DashboardRepository.SUMMARY
            }) {
                Plan plan = plans.explain(caller, sql, params);
                assertBounded(plan, caller + " " + sql, 200);
                assertThat(plan.json())
                        .doesNotContain("\"annual_predictions\"")
                        .doesNotContain("\"quarterly_predictions\"");
            }
        }
    }

    private static void assertBounded(Plan plan, String what, long rows) {
        assertThat(plan.sequentialScans()).as(what + "\n" + plan.json()).isEmpty();
        assertThat(plan.rowsRead()).as(what + "\n" + plan.json()).isLessThanOrEqualTo(rows);
    }
}
