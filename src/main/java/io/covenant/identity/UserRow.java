package io.covenant.identity;

import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.security.Role;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A row of {@code users}; the password hash never leaves the identity module. */
record UserRow(
        UUID id,
        String email,
        String passwordHash,
        Role role,
        UUID organizationId,
        UUID tenantId,
        String firstName,
        String lastName,
        String phone,
        boolean isVerified,
        boolean isActive,
        OffsetDateTime lastLogin,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long securityVersion) {

    /**
     * What an audit entry keeps of an account: who it is, its role, membership and state; never the password hash,
     * nor the phone, the times and the security version.
     */
    private static final Set<String> AUDITED = Set.of(
            "email", "role", "organization_id", "tenant_id", "first_name", "last_name", "is_verified", "is_active");

    Map<String, Object> audited() {
        return Rows.columns(this, AUDITED);
    }
}
