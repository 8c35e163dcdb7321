package io.covenant.company;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.QueryPlans;
import io.covenant.QueryPlans.Plan;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The company list's plans on 30,000 companies, as each kind of caller runs them under row-level security: no
 * sequential scan, and rows read bounded by a small multiple of the page whatever the table's size.
 */
@ApiTest
class CompanyPlanTests {

    static final int PAGE = 50;

    /** A text search for the plan data's word, and nothing else. */
    static final CompanyFilter BY_TEXT = new CompanyFilter(
            null, null, null, null, null, null, null, null, null, null, QueryPlans.SEARCHED_WORD.toLowerCase(), null);

    @Autowired
    CompanyRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate transactions;

    QueryPlans plans;

    @BeforeEach
    void data() {
        plans = new QueryPlans(jdbc, dataSource);
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void everySortReadsAboutOnePagePerAccessBranch() {
        for (Caller caller : plans.callers().all()) {
            for (CompanySort sort : CompanySort.values()) {
                for (boolean ascending : new boolean[] {true, false}) {
                    Plan plan = plans.explain(
                            caller,
                            repository.listQuery(
                                    new CompanyQuery(CompanyFilter.none(), sort, ascending, null, PAGE, 0), caller));
                    assertBounded(plan, caller + " " + sort + (ascending ? " asc" : " desc"), 4 * 2 * (PAGE + 1));
                }
            }
        }
    }

    @Test
    void aDeepCursorPageReadsNoMoreThanTheFirst() {
        var callers = plans.callers();
        Map<String, Object> row = jdbc.sql("""
				SELECT created_at, id, name FROM companies WHERE organization_id = :org AND deleted_at IS NULL
				ORDER BY created_at DESC, id DESC OFFSET 12000 LIMIT 1""")
                .param("org", callers.bigOrgAdmin().organizationId())
                .query()
                .singleRow();
        for (Caller caller : callers.all()) {
            CompanyCursor byTime = new CompanyCursor(
                    CompanySort.CREATED_AT,
                    ((Timestamp) row.get("created_at"))
                            .toInstant()
                            .atOffset(ZoneOffset.UTC)
                            .toString(),
                    (UUID) row.get("id"));
            assertBounded(
                    plans.explain(
                            caller,
                            repository.listQuery(
                                    new CompanyQuery(
                                            CompanyFilter.none(), CompanySort.CREATED_AT, false, byTime, PAGE, 0),
                                    caller)),
                    caller + " created_at cursor",
                    4 * (PAGE + 1));
            CompanyCursor byName = new CompanyCursor(CompanySort.NAME, (String) row.get("name"), (UUID) row.get("id"));
            assertBounded(
                    plans.explain(
                            caller,
                            repository.listQuery(
                                    new CompanyQuery(CompanyFilter.none(), CompanySort.NAME, true, byName, PAGE, 0),
                                    caller)),
                    caller + " name cursor",
                    4 * (PAGE + 1));
        }
    }

    @Test
    void filtersAndTheCappedTotalStayBounded() {
        CompanyFilter sector =
                new CompanyFilter("Energy", null, null, null, null, null, null, null, null, null, null, null);
        for (Caller caller : plans.callers().all()) {
            // One sector in eleven: a branch reads about eleven rows per row it keeps.
            assertBounded(
                    plans.explain(
                            caller,
                            repository.listQuery(
                                    new CompanyQuery(sector, CompanySort.CREATED_AT, false, null, PAGE, 0), caller)),
                    caller + " sector",
                    3 * 11 * (PAGE + 1) * 2);
            int cap = 10 * PAGE + 1;
            assertBounded(
                    plans.explain(caller, repository.countQuery(CompanyFilter.none(), caller, cap)),
                    caller + " total",
                    3 * cap);
        }
    }

    @Test
    void nameAndTextSearchUseTheirIndexesUnderRowLevelSecurity() {
        CompanyFilter byNameInSector = new CompanyFilter(
                "Energy", null, null, null, null, null, null, null, null, null, null, QueryPlans.SEARCHED_WORD);
        for (Caller caller : plans.callers().all()) {
            for (CompanyFilter filter : new CompanyFilter[] {byNameInSector, BY_TEXT}) {
                Plan plan = plans.explain(
                        caller,
                        repository.listQuery(
                                new CompanyQuery(filter, CompanySort.CREATED_AT, false, null, PAGE, 0), caller));
                assertBounded(plan, caller + " search", 2 * (PAGE + 1));
                assertThat(plan.json()).contains("covenant_search_companies");
            }
            Map<String, Object> params = new HashMap<>();
            params.put("name", QueryPlans.SEARCHED_WORD);
            params.put("q", QueryPlans.SEARCHED_WORD.toLowerCase());
            var inside = plans.explainFunction(
                    caller, "covenant_search_companies", Map.of("p_name", ":name", "p_query", ":q"), params);
            assertThat(inside).hasSize(3);
            // 60 companies are named after the word; the trigram and full-text indexes find them among 30,000.
            inside.forEach(plan -> assertBounded(plan, caller + " search function", 4 * (PAGE + 1)));
            assertThat(inside.get(0).json()).contains("idx_companies_name_trgm");
            assertThat(inside.get(1).json()).contains("idx_companies_fulltext");
        }
    }

    @Test
    void aNameOnlySearchReadsTheNearestNamesThroughTheKnnIndex() {
        CompanyFilter byName = new CompanyFilter(
                null, null, null, null, null, null, null, null, null, null, null, QueryPlans.SEARCHED_WORD);
        for (Caller caller : plans.callers().all()) {
            Plan list = plans.explain(
                    caller,
                    repository.listQuery(
                            new CompanyQuery(byName, CompanySort.CREATED_AT, false, null, PAGE, 0), caller));
            assertBounded(list, caller + " nearest", 2 * (PAGE + 1));
            assertThat(list.json()).contains("covenant_nearest_companies");
            int cap = 10 * PAGE + 1;
            Plan total = plans.explain(caller, repository.countQuery(byName, caller, cap));
            assertBounded(total, caller + " nearest total", 2 * (PAGE + 1));
            assertThat(total.json()).contains("covenant_nearest_companies");
            Map<String, String> arguments = new LinkedHashMap<>();
            arguments.put("p_limit - found", ":n");
            arguments.put("p_limit", ":n");
            arguments.put("p_name", ":name");
            // The rare path ranks what its collecting statement read (V83): the arrays it filled, here empty.
            arguments.put("split_part(kept, ':', 1)", "'0'");
            arguments.put("cardinality(ids)", "0");
            arguments.put("coalesce(ids,", "coalesce(CAST(NULL AS uuid[]),");
            arguments.put("coalesce(sims,", "coalesce(CAST(NULL AS real[]),");
            var inside = plans.explainFunction(
                    caller,
                    "covenant_nearest_companies",
                    arguments,
                    Map.of("name", QueryPlans.SEARCHED_WORD, "n", cap));
            // The total kept from the page, ranking what was collected, the probe's ranking (more than 1,000
            // candidates), the KNN walk, its tail.
            assertThat(inside).hasSize(5);
            inside.forEach(plan -> assertBounded(plan, caller + " nearest function", 4 * (PAGE + 1)));
            assertThat(inside.get(0).rowsRead() + inside.get(1).rowsRead()).isZero();
            Plan collect = plans.explainAsOwner(caller, collectingStatement(QueryPlans.SEARCHED_WORD), Map.of());
            // A word 60 names share is collected once through the GIN index; a common one walks the KNN index.
            assertBounded(collect, caller + " nearest collect", 4 * (PAGE + 1));
            assertThat(collect.json()).contains("idx_companies_name_trgm");
            assertThat(inside.get(2).json()).contains("idx_companies_name_trgm");
            assertThat(inside.get(3).json()).contains("idx_companies_name_gist");
        }
    }

    @Test
    void aRareNamesPageAndItsTotalReadTheCandidatesOnce() {
        CompanyFilter byName = new CompanyFilter(
                null, null, null, null, null, null, null, null, null, null, null, QueryPlans.SEARCHED_WORD);
        for (Caller caller : plans.callers().all()) {
            int cap = 10 * PAGE + 1;
            // The total reads one row of the function, which counted what it collected; the count beside it never runs.
            Plan total = plans.explain(caller, repository.countQuery(byName, caller, cap));
            assertThat(total.json()).contains("\"Actual Loops\": 0");
            long counted = Callers.runAs(caller, () -> repository.count(byName, caller, cap));
            long listed = Callers.runAs(
                            caller,
                            () -> repository.find(
                                    new CompanyQuery(byName, CompanySort.CREATED_AT, false, null, cap, 0), caller))
                    .size();
            assertThat(counted).as(caller + " total").isEqualTo(Math.min(listed, cap));
            // After its page in the same transaction (as Companies.list runs them) the total is the one the page kept.
            long kept = Callers.runAs(
                    caller,
                    () -> transactions.execute(status -> {
                        repository.find(new CompanyQuery(byName, CompanySort.CREATED_AT, false, null, PAGE, 0), caller);
                        return jdbc.sql("SELECT coalesce(current_setting('covenant.nearest_total', true), '')")
                                        .query(String.class)
                                        .single()
                                        .isEmpty()
                                ? -1
                                : repository.count(byName, caller, cap);
                    }));
            assertThat(kept).as(caller + " total after the page").isEqualTo(counted);
        }
    }

    @Test
    void aTextSearchsTotalAfterItsPageIsTheNumberOfMatchesThePageRead() {
        for (Caller caller : plans.callers().all()) {
            int cap = 10 * PAGE + 1;
            long counted = Callers.runAs(caller, () -> repository.count(BY_TEXT, caller, cap));
            // In the page's transaction (as Companies.list runs them) the total is the one the function kept (V85).
            long kept = Callers.runAs(
                    caller,
                    () -> transactions.execute(status -> {
                        repository.find(
                                new CompanyQuery(BY_TEXT, CompanySort.CREATED_AT, false, null, PAGE, 0), caller);
                        return jdbc.sql("SELECT covenant_search_total(NULL, :q) IS NOT NULL")
                                        .param("q", BY_TEXT.q())
                                        .query(Boolean.class)
                                        .single()
                                ? repository.count(BY_TEXT, caller, cap)
                                : -1;
                    }));
            assertThat(kept).as(caller + " total after the page").isEqualTo(counted);
        }
    }

    /**
     * The statement V83's function runs through EXECUTE to collect a rare text's candidates, with the text in place,
     * read from the function's definition.
     */
    private String collectingStatement(String word) {
        String body = jdbc.sql("SELECT pg_get_functiondef('covenant_nearest_companies'::regproc)")
                .query(String.class)
                .single();
        Matcher collect = Pattern.compile("EXECUTE format\\('(.*?)',\\s*p_name, p_name,", Pattern.DOTALL)
                .matcher(body);
        assertThat(collect.find()).as("the collecting statement of V83").isTrue();
        String format = collect.group(1).replaceAll("'\\s*\\n\\s*'", "").replace("%%", "%");
        String quoted = "'" + word + "'";
        return format.replaceFirst("%L", quoted).replaceFirst("%L", quoted).replaceFirst("%L", "'%" + word + "%'");
    }

    @Test
    void aWordEveryNameContainsIsListedFromEachBranchsNewestNames() {
        // Every plan-test name ends in "Holdings": each branch reads its window of newest names, never the table.
        CompanyFilter common =
                new CompanyFilter(null, null, null, null, null, null, null, null, null, null, null, "holdings");
        CompanyFilter rare = new CompanyFilter(
                null, null, null, null, null, null, null, null, null, null, null, QueryPlans.SEARCHED_WORD);
        for (Caller caller : plans.callers().all()) {
            for (CompanyFilter filter : new CompanyFilter[] {common, rare}) {
                Plan plan = plans.explain(caller, repository.containingQuery(filter, PAGE, 0, caller));
                assertBounded(
                        plan,
                        caller + " containing " + filter.name(),
                        3 * CompanyRepository.window(PAGE, 0) + 4 * (PAGE + 1));
            }
            var found = Callers.runAs(caller, () -> repository.findContaining(common, PAGE, 0, caller));
            assertThat(found).as(caller + " holdings").isPresent();
            assertThat(found.get().rows()).hasSize(PAGE + 1);
            assertThat(found.get().seen()).isGreaterThanOrEqualTo(CompanyRepository.window(PAGE, 0) / 2);
            // 60 names hold the rare word: too few to leave the ranking by similarity.
            assertThat(Callers.runAs(caller, () -> repository.findContaining(rare, PAGE, 0, caller)))
                    .as(caller + " quartz")
                    .isEmpty();
        }
    }

    private static void assertBounded(Plan plan, String what, long rows) {
        assertThat(plan.sequentialScans()).as(what + "\n" + plan.json()).isEmpty();
        assertThat(plan.rowsRead()).as(what + "\n" + plan.json()).isLessThanOrEqualTo(rows);
    }
}
