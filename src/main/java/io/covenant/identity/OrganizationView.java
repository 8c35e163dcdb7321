package io.covenant.identity;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code organizations}, which is also how the API shows it; {@code join_token} only in the response that
 * issued it.
 */
public record OrganizationView(
        UUID id,
        String name,
        String domain,
        String description,
        String industry,
        String sizeCategory,
        boolean isActive,
        UUID tenantId,
        boolean joinEnabled,
        String defaultRole,
        List<String> allowedEmailDomains,
        List<String> allowedEmails,
        Integer maxUsers,
        String joinToken,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The same organisation, with the invitation token shown once at its issue. */
    OrganizationView withJoinToken(String joinToken) {
        return new OrganizationView(
                id,
                name,
                domain,
                description,
                industry,
                sizeCategory,
                isActive,
                tenantId,
                joinEnabled,
                defaultRole,
                allowedEmailDomains,
                allowedEmails,
                maxUsers,
                joinToken,
                createdAt,
                updatedAt);
    }

    Map<String, Object> audited() {
        var values = new LinkedHashMap<String, Object>();
        values.put("name", name);
        values.put("domain", domain);
        values.put("description", description);
        values.put("industry", industry);
        values.put("size_category", sizeCategory);
        values.put("is_active", isActive);
        values.put("tenant_id", tenantId);
        values.put("join_enabled", joinEnabled);
        values.put("default_role", defaultRole);
        values.put("allowed_email_domains", allowedEmailDomains);
        values.put("allowed_emails", allowedEmails);
        values.put("max_users", maxUsers);
        return values;
    }
}
