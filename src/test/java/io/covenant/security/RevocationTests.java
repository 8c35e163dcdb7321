package io.covenant.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, defect 3: an access token issued before a change to its account is refused on the very next request
 * (401 problem+json), whether the account was deactivated, signed out, removed from its organisation, demoted or
 * lost a permission; refreshing gives a token with the rights of today. API keys follow their account too.
 */
@ApiTest
class RevocationTests {

    @Autowired
    Fixtures fixtures;

    @Test
    void aDeactivatedAccountsTokenIsRefusedAtOnce() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        fixtures.as(member).get("/api/v1/users/me").then().statusCode(200);
        fixtures.as(admin)
                .post("/api/v1/users/" + member.id() + "/deactivate")
                .then()
                .statusCode(200);
        refused(member);
        fixtures.anonymous()
                .body(Map.of("refresh_token", member.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
    }

    @Test
    void signingOutEndsTheAccessTokenToo() {
        Person person = fixtures.person(Role.USER, null);
        fixtures.as(person).body(Map.of()).post("/api/v1/auth/logout").then().statusCode(204);
        refused(person);
    }

    @Test
    void aMemberRemovedFromItsOrganizationNoLongerActsInIt() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        fixtures.as(admin)
                .delete("/api/v1/organizations/" + org + "/members/" + member.id())
                .then()
                .statusCode(204);
        refused(member);
        String fresh = refreshed(member);
        fixtures.anonymous()
                .auth()
                .oauth2(fresh)
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("organization_id", equalTo(null));
        fixtures.anonymous()
                .auth()
                .oauth2(fresh)
                .get("/api/v1/organizations/" + org)
                .then()
                .statusCode(404);
    }

    @Test
    void aDemotedAdministratorCannotUseItsOldRights() {
        UUID tenant = fixtures.tenant();
        UUID org = fixtures.organization(tenant);
        Person tenantAdmin = fixtures.person(Role.TENANT_ADMIN, null, tenant);
        Person orgAdmin = fixtures.person(Role.ORG_ADMIN, org, tenant);
        Person newcomer = fixtures.person(Role.USER, null);
        fixtures.as(tenantAdmin)
                .body(Map.of("role", "org_member"))
                .put("/api/v1/organizations/" + org + "/members/" + orgAdmin.id())
                .then()
                .statusCode(200);
        // The old token would have let it add an org_admin.
        fixtures.as(orgAdmin)
                .body(Map.of("email", newcomer.email(), "role", "org_admin"))
                .post("/api/v1/organizations/" + org + "/members")
                .then()
                .statusCode(401);
        String fresh = refreshed(orgAdmin);
        fixtures.anonymous()
                .auth()
                .oauth2(fresh)
                .body(Map.of("email", newcomer.email(), "role", "org_admin"))
                .post("/api/v1/organizations/" + org + "/members")
                .then()
                .statusCode(403);
    }

    @Test
    void aRevokedPermissionIsGoneOnTheNextRequest() {
        Person admin = fixtures.person(Role.ORG_ADMIN, fixtures.organization(null));
        Person member = auditor(admin);
        String withAudit = refreshed(member);
        fixtures.anonymous()
                .auth()
                .oauth2(withAudit)
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200);
        fixtures.as(admin)
                .delete("/api/v1/users/" + member.id() + "/permissions/audit:read")
                .then()
                .statusCode(200);
        fixtures.anonymous()
                .auth()
                .oauth2(withAudit)
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(401);
    }

    /** A change made by another node (here: straight in the database) reaches this one by notification. */
    @Test
    void aChangeMadeElsewhereIsSeenThroughTheDatabaseNotification() {
        Person person = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        fixtures.as(person).get("/api/v1/users/me").then().statusCode(200);
        fixtures.jdbc()
                .sql("UPDATE users SET role = 'user' WHERE id = :id")
                .param("id", person.id())
                .update();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> fixtures.as(person).get("/api/v1/users/me").statusCode() == 401);
    }

    @Test
    void anApiKeyActsWithItsAccountsRightsOfToday() {
        Person admin = fixtures.person(Role.ORG_ADMIN, fixtures.organization(null));
        Person member = auditor(admin);
        String key = fixtures.anonymous()
                .auth()
                .oauth2(refreshed(member))
                .body(Map.of("name", "reader", "scopes", List.of("audit:read", "companies:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        fixtures.anonymous()
                .header("X-API-Key", key)
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200);
        fixtures.as(admin)
                .delete("/api/v1/users/" + member.id() + "/permissions/audit:read")
                .then()
                .statusCode(200);
        fixtures.anonymous()
                .header("X-API-Key", key)
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(403);
        fixtures.as(admin)
                .post("/api/v1/users/" + member.id() + "/deactivate")
                .then()
                .statusCode(200);
        fixtures.anonymous()
                .header("X-API-Key", key)
                .get("/api/v1/companies")
                .then()
                .statusCode(401);
    }

    /** A member of the admin's organisation granted audit:read by it. */
    private Person auditor(Person admin) {
        Person member = fixtures.person(Role.ORG_MEMBER, admin.organizationId());
        fixtures.as(admin)
                .put("/api/v1/users/" + member.id() + "/permissions/audit:read")
                .then()
                .statusCode(200);
        return member;
    }

    private void refused(Person person) {
        fixtures.as(person)
                .get("/api/v1/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("changed"));
    }

    private String refreshed(Person person) {
        return fixtures.anonymous()
                .body(Map.of("refresh_token", person.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
