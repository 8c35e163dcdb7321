package io.covenant.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.QueryPlans;
import io.covenant.QueryPlans.Plan;
import io.covenant.shared.security.Caller;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The metric reads' plans on 64,000 points of the plan tests' companies, as each kind of caller runs them: no
 * sequential scan, and rows read bounded by the points asked for (a series, or the companies of a page).
 */
@ApiTest
class MetricPlanTests {

    /** Each company with metrics has two series of eight quarters. */
    static final int SERIES = 8;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    QueryPlans plans;

    List<UUID> companies;

    @BeforeEach
    void data() {
        plans = new QueryPlans(jdbc, dataSource);
        plans.callers();
        companies = jdbc.sql(
                        "SELECT DISTINCT m.company_id FROM financial_metrics m JOIN companies c ON c.id = m.company_id"
                                + " WHERE " + QueryPlans.PLAN_COMPANIES + " ORDER BY 1 LIMIT 50")
                .query(UUID.class)
                .list();
    }

    @Test
    void aSeriesAndItsBucketsReadOnlyThatSeries() {
        Map<String, Object> params = period();
        params.put("company", companies.get(0));
        params.put("type", "revenue");
        params.put("period", new SqlParameterValue(Types.VARCHAR, null));
        for (Caller caller : plans.callers().all()) {
            assertBounded(plans.explain(caller, MetricRepository.series(params), params), caller + " series", SERIES);
            for (Bucket bucket : Bucket.values()) {
                assertBounded(
                        plans.explain(caller, MetricRepository.buckets(bucket, params), params),
                        caller + " " + bucket,
                        SERIES);
            }
        }
    }

    @Test
    void theLatestPointsOfAPageOfCompaniesReadOnlyTheirSeries() {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", companies.toArray(UUID[]::new));
        for (Caller caller : plans.callers().all()) {
            assertBounded(
                    plans.explain(caller, MetricRepository.LATEST, params),
                    caller + " latest",
                    2L * SERIES * companies.size());
        }
    }

    @Test
    void aSectorComparisonReadsOnlyItsCompaniesSeries() {
        Map<String, Object> params = period();
        params.put("ids", companies.toArray(UUID[]::new));
        params.put("type", "net_income");
        for (Caller caller : plans.callers().all()) {
            assertBounded(
                    plans.explain(caller, MetricRepository.SECTOR_COMPARISON, params),
                    caller + " sector",
                    (long) SERIES * companies.size());
        }
    }

    private static Map<String, Object> period() {
        Map<String, Object> params = new HashMap<>();
        params.put("from", OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        params.put("to", OffsetDateTime.of(2999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        return params;
    }

    private static void assertBounded(Plan plan, String what, long rows) {
        assertThat(plan.sequentialScans()).as(what + "\n" + plan.json()).isEmpty();
        assertThat(plan.rowsRead()).as(what + "\n" + plan.json()).isLessThanOrEqualTo(rows);
    }
}
