package io.covenant.filing;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.QueryPlans;
import io.covenant.QueryPlans.Plan;
import io.covenant.shared.security.Caller;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The filing lists' plans on about 38,000 filings of the plan tests' 30,000 companies, as each kind of caller runs
 * them: no sequential scan, and rows read bounded by a small multiple of the page whatever the table's size.
 */
@ApiTest
class FilingPlanTests {

    static final int PAGE = 50;

    /** Two thirds of the filings are of system companies, which every caller sees: a page reads about 1.5 pages. */
    static final long ACROSS_COMPANIES = 6L * (PAGE + 1);

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
    void filingsAcrossCompaniesReadAboutOnePageForEveryCaller() {
        for (Caller caller : plans.callers().all()) {
            Plan plan = plans.explain(
                    caller, FilingRepository.listQuery(caller, new FilingQuery(null, null, null, null), null, PAGE));
            assertBounded(plan, caller + " filings", ACROSS_COMPANIES);
            assertThat(plan.json()).contains("idx_filing_date");
        }
    }

    @Test
    void aDeepCursorPageReadsNoMoreThanTheFirst() {
        Map<String, Object> row = jdbc.sql("""
				SELECT f.filing_date, f.id FROM sec_filings f JOIN companies c ON c.id = f.company_id
				WHERE c.access_level = 'system' AND f.deleted_at IS NULL
				ORDER BY f.filing_date DESC, f.id DESC OFFSET 12000 LIMIT 1""").query().singleRow();
        FilingCursor after = new FilingCursor(((Date) row.get("filing_date")).toLocalDate(), (UUID) row.get("id"));
        for (Caller caller : plans.callers().all()) {
            assertBounded(
                    plans.explain(
                            caller,
                            FilingRepository.listQuery(caller, new FilingQuery(null, null, null, null), after, PAGE)),
                    caller + " filings cursor",
                    ACROSS_COMPANIES);
        }
    }

    @Test
    void formAndDateFiltersStayBounded() {
        for (Caller caller : plans.callers().all()) {
            // Three filings in ten are 10-Qs: a page reads about three and a half times as many.
            assertBounded(
                    plans.explain(
                            caller,
                            FilingRepository.listQuery(
                                    caller, new FilingQuery(null, List.of("10-Q"), null, null), null, PAGE)),
                    caller + " form",
                    4 * ACROSS_COMPANIES);
            assertBounded(
                    plans.explain(
                            caller,
                            FilingRepository.listQuery(
                                    caller,
                                    new FilingQuery(null, null, LocalDate.of(2021, 6, 1), LocalDate.of(2022, 6, 1)),
                                    null,
                                    PAGE)),
                    caller + " dates",
                    ACROSS_COMPANIES);
        }
    }

    @Test
    void oneCompanysFilingsReadItsIndex() {
        UUID company = jdbc.sql("SELECT c.id FROM companies c WHERE c.access_level = 'system' AND "
                        + QueryPlans.PLAN_COMPANIES + " ORDER BY c.id LIMIT 1")
                .query(UUID.class)
                .single();
        for (Caller caller : plans.callers().all()) {
            Plan plan = plans.explain(
                    caller, FilingRepository.listQuery(caller, new FilingQuery(company, null, null, null), null, PAGE));
            assertBounded(plan, caller + " one company", PAGE + 1);
            assertThat(plan.json()).contains("idx_filing_company");
        }
    }

    private static void assertBounded(Plan plan, String what, long rows) {
        assertThat(plan.sequentialScans()).as(what + "\n" + plan.json()).isEmpty();
        assertThat(plan.rowsRead()).as(what + "\n" + plan.json()).isLessThanOrEqualTo(rows);
    }
}
