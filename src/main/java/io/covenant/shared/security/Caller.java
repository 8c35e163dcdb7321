package io.covenant.shared.security;

import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the user, their organisation and tenant (either may be null), their role and the permissions this
 * request carries (an API key carries only its scopes), by their wire names as the token and the database hold them.
 */
public record Caller(
        UUID userId, UUID organizationId, UUID tenantId, Role role, Set<String> permissions, boolean viaApiKey) {

    public Caller {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(Permission permission) {
        return role == Role.SUPER_ADMIN && !viaApiKey || permissions.contains(permission.wireName());
    }

    public boolean isSuperAdmin() {
        return role == Role.SUPER_ADMIN;
    }

    /** Whether this caller may change or delete a row with these access columns (AccuNode's rule). */
    public boolean mayChange(AccessLevel level, UUID rowOrganizationId, UUID rowCreatedBy) {
        if (isSuperAdmin()) {
            return true;
        }
        return switch (level) {
            case PERSONAL -> userId.equals(rowCreatedBy);
            case ORGANIZATION ->
                rowOrganizationId != null
                        && rowOrganizationId.equals(organizationId)
                        && (userId.equals(rowCreatedBy) || role == Role.ORG_ADMIN);
            case SYSTEM -> false;
        };
    }

    /** Refuses the request unless this caller holds the permission (an API key: its scopes). */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new Forbidden("This needs the permission " + permission);
        }
    }

    /**
     * The access level of a row this caller creates: the requested one, else {@code organization} for members of an
     * organisation and {@code personal} otherwise. Only a super_admin writes {@code system} rows.
     */
    public AccessLevel levelForNewRow(AccessLevel requested) {
        AccessLevel level = requested != null
                ? requested
                : organizationId != null ? AccessLevel.ORGANIZATION : AccessLevel.PERSONAL;
        if (level == AccessLevel.SYSTEM && !isSuperAdmin()) {
            throw new Forbidden("Only a super_admin writes system rows, which everyone sees");
        }
        if (level == AccessLevel.ORGANIZATION && organizationId == null) {
            throw InvalidInput.of("access_level", "organization needs you to belong to an organization");
        }
        return level;
    }
}
