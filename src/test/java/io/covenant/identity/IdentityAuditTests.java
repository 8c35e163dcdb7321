package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the audit log keeps of accounts and organisations: their columns by name (the log leaves out nulls), never a
 * secret, nor the id and times the entry holds itself.
 */
@ApiTest
class IdentityAuditTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Test
    void aNewAccountIsAuditedByItsColumnsWithoutItsPasswordHashOrTimes() {
        String email = "audited-" + UUID.randomUUID() + "@example.com";
        String id = fixtures.anonymous()
                .body(Map.of("email", email, "password", "violet harbour lantern", "first_name", "Ada"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201)
                .extract()
                .path("user.id");

        Map<String, Object> expected = new HashMap<>();
        expected.put("email", email);
        expected.put("role", "user");
        expected.put("first_name", "Ada");
        expected.put("is_verified", false);
        expected.put("is_active", true);
        assertThat(newValues("user.registered", id)).isEqualTo(expected);
    }

    @Test
    void anOrganisationIsAuditedByItsSettingsWithoutItsJoinTokenOrTimes() {
        Person superAdmin = fixtures.person(Role.SUPER_ADMIN, null);
        UUID tenant = fixtures.tenant();
        String name = "Audited " + UUID.randomUUID();
        String id = fixtures.as(superAdmin)
                .body(Map.of(
                        "name",
                        name,
                        "industry",
                        "Lending",
                        "tenant_id",
                        tenant,
                        "join_enabled",
                        true,
                        "allowed_email_domains",
                        List.of("Example.com"),
                        "max_users",
                        5))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, Object> expected = new HashMap<>();
        expected.put("name", name);
        expected.put("industry", "Lending");
        expected.put("is_active", true);
        expected.put("tenant_id", tenant.toString());
        expected.put("join_enabled", true);
        expected.put("default_role", "org_member");
        expected.put("allowed_email_domains", List.of("example.com"));
        expected.put("allowed_emails", List.of());
        expected.put("max_users", 5);
        assertThat(newValues("organization.created", id)).isEqualTo(expected);
    }

    private Map<String, Object> newValues(String eventType, String entityId) {
        String values = fixtures.jdbc()
                .sql("SELECT new_values::text FROM audit_logs WHERE event_type = ? AND entity_id = ?::uuid")
                .params(eventType, entityId)
                .query(String.class)
                .single();
        return json.readValue(values, new TypeReference<Map<String, Object>>() {});
    }
}
