package io.covenant.identity;

import io.covenant.shared.security.Role;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
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
        boolean verified,
        boolean active,
        OffsetDateTime lastLogin,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long securityVersion) {

    /** The audited view of a user: everything but the hash. */
    Map<String, Object> audited() {
        var values = new LinkedHashMap<String, Object>();
        values.put("email", email);
        values.put("role", role.value());
        values.put("organization_id", organizationId);
        values.put("tenant_id", tenantId);
        values.put("first_name", firstName);
        values.put("last_name", lastName);
        values.put("is_verified", verified);
        values.put("is_active", active);
        return values;
    }
}
