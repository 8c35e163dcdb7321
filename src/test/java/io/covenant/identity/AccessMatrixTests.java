package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Five roles x three access levels x two organisations, through HTTP: every list, get, update and delete returns
 * exactly what AccuNode's rule allows (404 for rows the caller may not see, 403 for rows it may see but not change).
 * Each resource with access levels is one {@link Resource}; rows are owned by an org_member of organisation A.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

    @Autowired
    Fixtures fixtures;

    UUID tenant;

    UUID orgA;

    UUID orgB;

    Person owner;

    Person superAdmin;

    List<Resource> resources;

    String sharedCompany;

    final AtomicInteger years = new AtomicInteger();

    @BeforeAll
    void setUp() {
        tenant = fixtures.tenant();
        orgA = fixtures.organization(tenant);
        orgB = fixtures.organization(tenant);
        owner = fixtures.person(Role.ORG_MEMBER, orgA, tenant);
        superAdmin = fixtures.person(Role.SUPER_ADMIN, null);
        sharedCompany = fixtures.as(superAdmin)
                .body(Map.of(
                        "symbol",
                        "MXS" + Fixtures.unique(7),
                        "name",
                        "Shared",
                        "sector",
                        "Technology",
                        "access_level",
                        "system"))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        resources = List.of(
                new Resource(
                        "companies",
                        "/api/v1/companies",
                        (level, n) -> {
                            Person creator = level == AccessLevel.SYSTEM ? superAdmin : owner;
                            return fixtures.as(creator)
                                    .body(Map.of(
                                            "symbol",
                                            "MX" + n,
                                            "name",
                                            "Matrix " + n,
                                            "sector",
                                            "Technology",
                                            "access_level",
                                            level.value()))
                                    .post("/api/v1/companies")
                                    .then()
                                    .statusCode(201)
                                    .extract()
                                    .path("id");
                        },
                        Map.of("symbol", "MXU", "name", "Matrix updated", "sector", "Technology")),
                new Resource(
                        "market intelligence",
                        "/api/v1/market-intelligence",
                        (level, n) -> create(
                                level,
                                "/api/v1/market-intelligence",
                                Map.of("event_type", "funding", "title", "Raise " + n, "event_date", "2024-01-01")),
                        Map.of("event_type", "acquisition", "title", "Updated", "event_date", "2024-02-01")),
                new Resource(
                        "annual predictions",
                        "/api/v1/predictions/annual",
                        (level, n) -> create(
                                level,
                                "/api/v1/predictions/annual",
                                Map.of(
                                        "company_id",
                                        sharedCompany,
                                        "reporting_year",
                                        String.valueOf(1900 + years.incrementAndGet()),
                                        "net_income_margin",
                                        0.05)),
                        Map.of("company_id", UUID.randomUUID(), "reporting_year", "2000", "return_on_assets", 0.02)),
                new Resource(
                        "quarterly predictions",
                        "/api/v1/predictions/quarterly",
                        (level, n) -> create(
                                level,
                                "/api/v1/predictions/quarterly",
                                Map.of(
                                        "company_id",
                                        sharedCompany,
                                        "reporting_year",
                                        String.valueOf(1900 + years.incrementAndGet()),
                                        "reporting_quarter",
                                        "Q2",
                                        "current_ratio",
                                        1.4)),
                        Map.of(
                                "company_id",
                                UUID.randomUUID(),
                                "reporting_year",
                                "2000",
                                "reporting_quarter",
                                "Q1",
                                "current_ratio",
                                2.0)),
                new Resource(
                        "documents",
                        "/api/v1/documents",
                        (level, n) -> create(
                                level,
                                "/api/v1/documents",
                                Map.of("title", "Memo " + n, "content", "Matrix memo " + n + ". Liquidity is ample.")),
                        Map.of("title", "Memo updated")),
                new Resource(
                        "analysis reports",
                        "/api/v1/analysis-reports",
                        (level, n) -> create(
                                level,
                                "/api/v1/analysis-reports",
                                Map.of("report_type", "custom", "title", "Report " + n)),
                        Map.of("report_type", "risk_assessment", "title", "Updated")));
    }

    private String create(AccessLevel level, String path, Map<String, Object> body) {
        Person creator = level == AccessLevel.SYSTEM ? superAdmin : owner;
        Map<String, Object> withLevel = new HashMap<>(body);
        withLevel.put("access_level", level.value());
        return fixtures.as(creator)
                .body(withLevel)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @TestFactory
    Stream<DynamicTest> everyRoleSeesAndChangesExactlyWhatTheRuleAllows() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] counter = {0};
        for (Resource resource : resources) {
            for (Role role : Role.values()) {
                for (String org : List.of("A", "B")) {
                    tests.add(DynamicTest.dynamicTest(
                            resource.name() + " as " + role.value() + " of " + org,
                            () -> check(resource, role, org.equals("A") ? orgA : orgB, counter)));
                }
            }
            tests.add(DynamicTest.dynamicTest(resource.name() + " as the owner", () -> checkOwner(resource, counter)));
        }
        return tests.stream();
    }

    private void check(Resource resource, Role role, UUID org, int[] counter) {
        Person caller = fixtures.person(role, role == Role.SUPER_ADMIN ? null : org, tenant);
        for (AccessLevel level : AccessLevel.values()) {
            String id = resource.create().apply(level, ++counter[0] + Fixtures.unique(5));
            boolean sees =
                    switch (level) {
                        case SYSTEM -> true;
                        case ORGANIZATION -> org.equals(orgA) || role == Role.SUPER_ADMIN;
                        case PERSONAL -> role == Role.SUPER_ADMIN;
                    };
            boolean changes = role == Role.SUPER_ADMIN
                    || level == AccessLevel.ORGANIZATION && org.equals(orgA) && role == Role.ORG_ADMIN;
            expect(resource, caller, id, level, sees, changes);
        }
    }

    private void checkOwner(Resource resource, int[] counter) {
        for (AccessLevel level : List.of(AccessLevel.PERSONAL, AccessLevel.ORGANIZATION)) {
            String id = resource.create().apply(level, ++counter[0] + "O" + Fixtures.unique(4));
            expect(resource, owner, id, level, true, true);
        }
    }

    private void expect(Resource resource, Person caller, String id, AccessLevel level, boolean sees, boolean changes) {
        String what = caller.role().value() + " on a " + level.value() + " row";
        int get = fixtures.as(caller).get(resource.path() + "/" + id).statusCode();
        assertThat(get).as("GET " + what).isEqualTo(sees ? 200 : 404);
        List<String> listed = fixtures.as(caller)
                .queryParam("limit", 200)
                .get(resource.path())
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(listed.contains(id)).as("list " + what).isEqualTo(sees);
        int put = fixtures.as(caller)
                .body(resource.update())
                .put(resource.path() + "/" + id)
                .statusCode();
        assertThat(put).as("PUT " + what).isEqualTo(!sees ? 404 : changes ? 200 : 403);
        int delete = fixtures.as(caller).delete(resource.path() + "/" + id).statusCode();
        assertThat(delete).as("DELETE " + what).isEqualTo(!sees ? 404 : changes ? 204 : 403);
        if (changes) {
            assertThat(fixtures.as(caller).get(resource.path() + "/" + id).statusCode())
                    .as("gone after DELETE")
                    .isEqualTo(404);
        }
    }

    /** A REST resource whose rows carry access levels. */
    record Resource(
            String name, String path, BiFunction<AccessLevel, String, String> create, Map<String, Object> update) {}
}
