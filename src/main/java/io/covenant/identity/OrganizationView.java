package io.covenant.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An organisation as the API shows it; {@code join_token} only in the response that issued it. */
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

    static OrganizationView of(OrganizationRow row, String joinToken) {
        return new OrganizationView(
                row.id(),
                row.name(),
                row.domain(),
                row.description(),
                row.industry(),
                row.sizeCategory(),
                row.active(),
                row.tenantId(),
                row.joinEnabled(),
                row.defaultRole(),
                row.allowedEmailDomains(),
                row.allowedEmails(),
                row.maxUsers(),
                joinToken,
                row.createdAt(),
                row.updatedAt());
    }
}
