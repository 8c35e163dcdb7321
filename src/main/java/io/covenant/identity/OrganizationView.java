package io.covenant.identity;

import io.covenant.shared.jdbc.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** What an audit entry keeps: not the id and times, which the entry has itself, nor the join token. */
    private static final Set<String> AUDITED = Set.of(
            "name",
            "domain",
            "description",
            "industry",
            "size_category",
            "is_active",
            "tenant_id",
            "join_enabled",
            "default_role",
            "allowed_email_domains",
            "allowed_emails",
            "max_users");

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
        return Rows.columns(this, AUDITED);
    }
}
