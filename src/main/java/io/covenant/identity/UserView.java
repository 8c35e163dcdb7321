package io.covenant.identity;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A user as the API shows it. */
public record UserView(
        UUID id,
        String email,
        String role,
        UUID organizationId,
        UUID tenantId,
        String firstName,
        String lastName,
        boolean isVerified,
        boolean isActive,
        OffsetDateTime lastLogin,
        OffsetDateTime createdAt,
        Set<String> permissions) {

    static UserView of(UserRow row, Set<String> permissions) {
        return new UserView(
                row.id(),
                row.email(),
                row.role().value(),
                row.organizationId(),
                row.tenantId(),
                row.firstName(),
                row.lastName(),
                row.isVerified(),
                row.isActive(),
                row.lastLogin(),
                row.createdAt(),
                new TreeSet<>(permissions));
    }
}
