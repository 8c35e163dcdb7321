package io.covenant.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
class PermissionTests {

    @Autowired
    Fixtures fixtures;

    @Test
    void anOrgAdminGrantsAuditReadToAMemberWhoCanThenReadTheLog() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        fixtures.as(member).get("/api/v1/audit-logs").then().statusCode(403);
        fixtures.as(admin)
                .put("/api/v1/users/" + member.id() + "/permissions/audit:read")
                .then()
                .statusCode(200)
                .body("permissions", hasItem("audit:read"));
        // The grant shows in a new token, which is issued at the next sign-in.
        String token =
                (String) fixtures.login(member.email(), Fixtures.PASSWORD).get("access_token");
        fixtures.anonymous()
                .auth()
                .oauth2(token)
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200);
        // Scoped API keys can now carry it.
        fixtures.anonymous()
                .auth()
                .oauth2(token)
                .body(Map.of("name", "auditor", "scopes", List.of("audit:read")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201);
        fixtures.as(admin)
                .delete("/api/v1/users/" + member.id() + "/permissions/audit:read")
                .then()
                .statusCode(200)
                .body("permissions", not(hasItem("audit:read")));
    }

    @Test
    void grantsStayWithinReachAndWithinTheGrantorsOwnPermissions() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        Person stranger = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        fixtures.as(admin)
                .put("/api/v1/users/" + stranger.id() + "/permissions/audit:read")
                .then()
                .statusCode(404);
        fixtures.as(member)
                .put("/api/v1/users/" + member.id() + "/permissions/audit:read")
                .then()
                .statusCode(403);
        fixtures.as(admin)
                .put("/api/v1/users/" + member.id() + "/permissions/root:everything")
                .then()
                .statusCode(422)
                .body("detail", containsString("root:everything"));
    }
}
