package io.covenant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 13, defects 1 and 2: no administrator reaches an account at or above its own role, or outside its
 * organisation or tenant, through any endpoint that changes an account; and adding or joining never changes the
 * role of an account above org_member.
 */
@ApiTest
class AccountChangeRuleTests {

    /** Every endpoint that creates, adds, moves, changes the role of, deactivates, deletes or grants to an account. */
    static final Set<String> ACCOUNT_CHANGES = Set.of(
            "POST /api/v1/organizations/{id}/members",
            "PUT /api/v1/organizations/{id}/members/{userId}",
            "DELETE /api/v1/organizations/{id}/members/{userId}",
            "POST /api/v1/users/{id}/deactivate",
            "PUT /api/v1/users/{id}/permissions/{permission}",
            "DELETE /api/v1/users/{id}/permissions/{permission}",
            "POST /api/v1/organizations/join",
            "DELETE /api/v1/organizations/{id}");

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** A new endpoint touching users or members fails this until it is added above, and to the scenarios below. */
    @Test
    void everyEndpointThatChangesAnAccountIsCovered() {
        Set<String> found = WriteEndpoints.of(mapping).all().stream()
                .filter(e -> !e.method().equals("GET"))
                .filter(e -> e.pattern().startsWith("/api/v1/users/{")
                        || e.pattern().contains("/members")
                        || e.pattern().equals("/api/v1/organizations/join")
                        || e.pattern().equals("/api/v1/organizations/{id}")
                                && e.method().equals("DELETE"))
                .map(e -> e.method() + " " + e.pattern())
                .collect(Collectors.toSet());
        assertThat(found).containsExactlyInAnyOrderElementsOf(ACCOUNT_CHANGES);
    }

    @Test
    void addingAMemberNeverDemotesAnAdministrator() {
        UUID org = fixtures.organization(null);
        Person orgAdmin = fixtures.person(Role.ORG_ADMIN, org);
        Person superAdmin = fixtures.person(Role.SUPER_ADMIN, null);
        Person tenantAdmin = fixtures.person(Role.TENANT_ADMIN, null, fixtures.tenant());
        for (Person above : new Person[] {superAdmin, tenantAdmin}) {
            fixtures.as(orgAdmin)
                    .body(Map.of("email", above.email(), "role", "org_member"))
                    .post("/api/v1/organizations/" + org + "/members")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            fixtures.as(above)
                    .get("/api/v1/users/me")
                    .then()
                    .statusCode(200)
                    .body("role", equalTo(above.role().value()));
        }
        // Even a super_admin does not turn another super_admin into a member by adding it.
        Person otherSuper = fixtures.person(Role.SUPER_ADMIN, null);
        fixtures.as(superAdmin)
                .body(Map.of("email", otherSuper.email(), "role", "org_member"))
                .post("/api/v1/organizations/" + org + "/members")
                .then()
                .statusCode(403);
        // A plain account is added as before.
        Person plain = fixtures.person(Role.USER, null);
        fixtures.as(orgAdmin)
                .body(Map.of("email", plain.email(), "role", "org_member"))
                .post("/api/v1/organizations/" + org + "/members")
                .then()
                .statusCode(201)
                .body("role", equalTo("org_member"));
    }

    @Test
    void anAdministratorCannotJoinAnOrganizationAsAMember() {
        UUID org = fixtures.organization(null);
        Person orgAdmin = fixtures.person(Role.ORG_ADMIN, org);
        String token = fixtures.as(orgAdmin)
                .post("/api/v1/organizations/" + org + "/join-token")
                .then()
                .statusCode(200)
                .extract()
                .path("join_token");
        Person superAdmin = fixtures.person(Role.SUPER_ADMIN, null);
        fixtures.as(superAdmin)
                .body(Map.of("token", token))
                .post("/api/v1/organizations/join")
                .then()
                .statusCode(403);
        fixtures.as(superAdmin).get("/api/v1/users/me").then().statusCode(200).body("role", equalTo("super_admin"));
    }

    @Test
    void anOrgAdminDeactivatesOnlyAccountsBelowItInItsOrganization() {
        Staff staff = staff();
        Person orgAdmin = staff.orgAdmin();
        Person tenantAdmin = staff.tenantAdmin();
        Person peer = staff.peer();
        Person member = staff.member();
        Person stranger = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        fixtures.as(orgAdmin)
                .post("/api/v1/users/" + tenantAdmin.id() + "/deactivate")
                .then()
                .statusCode(403);
        fixtures.as(orgAdmin)
                .post("/api/v1/users/" + peer.id() + "/deactivate")
                .then()
                .statusCode(403);
        fixtures.as(orgAdmin)
                .post("/api/v1/users/" + stranger.id() + "/deactivate")
                .then()
                .statusCode(404);
        fixtures.as(tenantAdmin).get("/api/v1/users/me").then().statusCode(200);
        fixtures.as(orgAdmin)
                .post("/api/v1/users/" + member.id() + "/deactivate")
                .then()
                .statusCode(200)
                .body("is_active", equalTo(false));
    }

    @Test
    void roleChangesAndRemovalsReachOnlyAccountsBelowTheActor() {
        Staff staff = staff();
        Person orgAdmin = staff.orgAdmin();
        Person tenantAdmin = staff.tenantAdmin();
        Person peer = staff.peer();
        Person member = staff.member();
        String members = "/api/v1/organizations/" + staff.org() + "/members/";
        fixtures.as(orgAdmin)
                .body(Map.of("role", "org_member"))
                .put(members + tenantAdmin.id())
                .then()
                .statusCode(403);
        fixtures.as(orgAdmin)
                .body(Map.of("role", "org_member"))
                .put(members + peer.id())
                .then()
                .statusCode(403);
        fixtures.as(orgAdmin).delete(members + peer.id()).then().statusCode(403);
        fixtures.as(orgAdmin).delete(members + tenantAdmin.id()).then().statusCode(403);
        // Never a role above its own, not even for an account it may change.
        fixtures.as(orgAdmin)
                .body(Map.of("role", "tenant_admin"))
                .put(members + member.id())
                .then()
                .statusCode(403);
        fixtures.as(orgAdmin)
                .body(Map.of("role", "user"))
                .put(members + member.id())
                .then()
                .statusCode(200)
                .body("role", equalTo("user"));
        // The tenant_admin above them may.
        fixtures.as(tenantAdmin)
                .body(Map.of("role", "org_member"))
                .put(members + peer.id())
                .then()
                .statusCode(200);
        fixtures.as(tenantAdmin).delete(members + peer.id()).then().statusCode(204);
    }

    @Test
    void permissionsAreGrantedOnlyBelowTheActorAndOnlyWhenHeld() {
        UUID org = fixtures.organization(null);
        Person orgAdmin = fixtures.person(Role.ORG_ADMIN, org);
        Person peer = fixtures.person(Role.ORG_ADMIN, org);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        fixtures.as(orgAdmin)
                .put("/api/v1/users/" + member.id() + "/permissions/ops:read")
                .then()
                .statusCode(403);
        fixtures.as(orgAdmin)
                .put("/api/v1/users/" + peer.id() + "/permissions/audit:read")
                .then()
                .statusCode(403);
        fixtures.as(orgAdmin)
                .delete("/api/v1/users/" + peer.id() + "/permissions/audit:read")
                .then()
                .statusCode(403);
        fixtures.as(orgAdmin)
                .put("/api/v1/users/" + orgAdmin.id() + "/permissions/ops:read")
                .then()
                .statusCode(403);
        fixtures.as(orgAdmin)
                .put("/api/v1/users/" + member.id() + "/permissions/audit:read")
                .then()
                .statusCode(200);
    }

    @Test
    void aTenantAdminReachesOnlyItsTenantAndOnlyBelowItself() {
        UUID tenant = fixtures.tenant();
        UUID otherTenant = fixtures.tenant();
        UUID org = fixtures.organization(tenant);
        UUID foreignOrg = fixtures.organization(otherTenant);
        Person tenantAdmin = fixtures.person(Role.TENANT_ADMIN, null, tenant);
        Person peer = fixtures.person(Role.TENANT_ADMIN, org, tenant);
        Person foreign = fixtures.person(Role.ORG_MEMBER, foreignOrg, otherTenant);
        fixtures.as(tenantAdmin)
                .post("/api/v1/users/" + foreign.id() + "/deactivate")
                .then()
                .statusCode(404);
        fixtures.as(tenantAdmin)
                .post("/api/v1/users/" + peer.id() + "/deactivate")
                .then()
                .statusCode(403);
        // Deleting an organisation moves its members out: not when one of them is at or above the actor.
        fixtures.as(tenantAdmin).delete("/api/v1/organizations/" + org).then().statusCode(403);
        fixtures.as(peer)
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("organization_id", equalTo(org.toString()));
    }

    /** An organisation of a tenant with one account of each administrative rank and a member. */
    private Staff staff() {
        UUID tenant = fixtures.tenant();
        UUID org = fixtures.organization(tenant);
        Person orgAdmin = fixtures.person(Role.ORG_ADMIN, org, tenant);
        Person tenantAdmin = fixtures.person(Role.TENANT_ADMIN, org, tenant);
        Person peer = fixtures.person(Role.ORG_ADMIN, org, tenant);
        Person member = fixtures.person(Role.ORG_MEMBER, org, tenant);
        return new Staff(org, orgAdmin, tenantAdmin, peer, member);
    }

    private record Staff(UUID org, Person orgAdmin, Person tenantAdmin, Person peer, Person member) {}
}
