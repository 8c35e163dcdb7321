package io.covenant.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class OrganizationTests {

    @Autowired
    Fixtures fixtures;

    @Test
    void aTenantAdminManagesOnlyTheOrganizationsOfItsTenant() {
        UUID tenant = fixtures.tenant();
        UUID otherTenant = fixtures.tenant();
        UUID own = fixtures.organization(tenant);
        UUID foreign = fixtures.organization(otherTenant);
        Person admin = fixtures.person(Role.TENANT_ADMIN, own, tenant);

        String created = fixtures.as(admin)
                .body(Map.of("name", "New branch", "tenant_id", otherTenant))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .body("tenant_id", equalTo(tenant.toString()))
                .extract()
                .path("id");
        fixtures.as(admin)
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .body("id", hasItem(created))
                .body("id", hasItem(own.toString()))
                .body("id", not(hasItem(foreign.toString())));
        fixtures.as(admin).get("/api/v1/organizations/" + foreign).then().statusCode(404);
        fixtures.as(admin)
                .body(Map.of("name", "Hijacked"))
                .put("/api/v1/organizations/" + foreign)
                .then()
                .statusCode(404);
        fixtures.as(admin).delete("/api/v1/organizations/" + foreign).then().statusCode(404);
        fixtures.as(admin)
                .get("/api/v1/organizations/" + foreign + "/members")
                .then()
                .statusCode(404);
        fixtures.as(admin).delete("/api/v1/organizations/" + created).then().statusCode(204);
    }

    @Test
    void anOrgAdminCannotReachAnotherOrganization() {
        UUID orgA = fixtures.organization(null);
        UUID orgB = fixtures.organization(null);
        Person adminA = fixtures.person(Role.ORG_ADMIN, orgA);
        Person memberB = fixtures.person(Role.ORG_MEMBER, orgB);
        fixtures.as(adminA).get("/api/v1/organizations/" + orgB).then().statusCode(404);
        fixtures.as(adminA)
                .body(Map.of("role", "user"))
                .put("/api/v1/organizations/" + orgB + "/members/" + memberB.id())
                .then()
                .statusCode(404);
        fixtures.as(adminA)
                .delete("/api/v1/organizations/" + orgB + "/members/" + memberB.id())
                .then()
                .statusCode(404);
        fixtures.as(adminA)
                .body(Map.of("email", memberB.email(), "role", "org_member"))
                .post("/api/v1/organizations/" + orgA + "/members")
                .then()
                .statusCode(409);
        // Nor can it delete its own organisation or create new ones.
        fixtures.as(adminA).delete("/api/v1/organizations/" + orgA).then().statusCode(403);
        fixtures.as(adminA)
                .body(Map.of("name", "Mine too"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(403);
    }

    @Test
    void anOrgAdminAddsMembersAndSetsRolesButNeverAboveItsOwn() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        Person newcomer = fixtures.person(Role.USER, null);
        fixtures.as(admin)
                .body(Map.of("email", newcomer.email(), "role", "org_member"))
                .post("/api/v1/organizations/" + org + "/members")
                .then()
                .statusCode(201)
                .body("organization_id", equalTo(org.toString()))
                .body("role", equalTo("org_member"));
        fixtures.as(admin)
                .body(Map.of("role", "super_admin"))
                .put("/api/v1/organizations/" + org + "/members/" + newcomer.id())
                .then()
                .statusCode(403);
        fixtures.as(admin)
                .body(Map.of("role", "org_admin"))
                .put("/api/v1/organizations/" + org + "/members/" + newcomer.id())
                .then()
                .statusCode(200)
                .body("role", equalTo("org_admin"));
        fixtures.as(admin)
                .get("/api/v1/organizations/" + org + "/members")
                .then()
                .statusCode(200)
                .body("email", hasItem(newcomer.email()));
        // Now a peer, out of its reach: an org_admin changes only accounts below its own role.
        fixtures.as(admin)
                .delete("/api/v1/organizations/" + org + "/members/" + newcomer.id())
                .then()
                .statusCode(403);
    }

    @Test
    void aMemberSeesItsOrganizationButCannotChangeIt() {
        UUID org = fixtures.organization(null);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        fixtures.as(member).get("/api/v1/organizations/" + org).then().statusCode(200);
        fixtures.as(member)
                .body(Map.of("name", "Renamed"))
                .put("/api/v1/organizations/" + org)
                .then()
                .statusCode(403);
        fixtures.as(member)
                .post("/api/v1/organizations/" + org + "/join-token")
                .then()
                .statusCode(403);
    }

    @Test
    void peopleJoinWithAnInvitationLimitedToWhitelistedDomains() {
        Person superAdmin = fixtures.person(Role.SUPER_ADMIN, null);
        var org = fixtures.as(superAdmin)
                .body(Map.of(
                        "name", "Invite only", "join_enabled", true, "allowed_email_domains", List.of("example.com")))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .body("join_token", notNullValue())
                .extract()
                .jsonPath();
        Person allowed = fixtures.person(Role.USER, null);
        fixtures.as(allowed)
                .body(Map.of("token", org.getString("join_token")))
                .post("/api/v1/organizations/join")
                .then()
                .statusCode(200)
                .body("organization_id", equalTo(org.getString("id")))
                .body("role", equalTo("org_member"));
        // Joining changed the account: its access token ends, and a refreshed one carries the organisation.
        fixtures.as(allowed).get("/api/v1/users/me").then().statusCode(401);
        String refreshed = fixtures.anonymous()
                .body(Map.of("refresh_token", allowed.refreshToken()))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        fixtures.anonymous()
                .auth()
                .oauth2(refreshed)
                .body(Map.of("token", "made-up"))
                .post("/api/v1/organizations/join")
                .then()
                .statusCode(422);

        var restricted = fixtures.as(superAdmin)
                .body(Map.of(
                        "name",
                        "Elsewhere only",
                        "join_enabled",
                        true,
                        "allowed_email_domains",
                        List.of("elsewhere.org")))
                .post("/api/v1/organizations")
                .then()
                .extract()
                .jsonPath();
        Person outsider = fixtures.person(Role.USER, null);
        fixtures.as(outsider)
                .body(Map.of("token", restricted.getString("join_token")))
                .post("/api/v1/organizations/join")
                .then()
                .statusCode(403);
    }

    @Test
    void onlyASuperAdminCreatesTenants() {
        Person superAdmin = fixtures.person(Role.SUPER_ADMIN, null);
        Person tenantAdmin = fixtures.person(Role.TENANT_ADMIN, null, fixtures.tenant());
        fixtures.as(tenantAdmin)
                .body(Map.of("name", "T " + UUID.randomUUID()))
                .post("/api/v1/tenants")
                .then()
                .statusCode(403);
        fixtures.as(superAdmin)
                .body(Map.of("name", "T " + UUID.randomUUID()))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
    }

    @Test
    void invalidOrganizationSettingsAreReportedPerField() {
        Person superAdmin = fixtures.person(Role.SUPER_ADMIN, null);
        fixtures.as(superAdmin)
                .body(Map.of("name", "", "size_category", "gigantic", "max_users", 0))
                .post("/api/v1/organizations")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("size_category"))
                .body("errors.field", hasItem("max_users"));
    }
}
