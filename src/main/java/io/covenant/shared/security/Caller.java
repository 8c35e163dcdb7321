package io.covenant.shared.security;

import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking: the user, their organisation and tenant (either may be null), their role and the permissions this
 * request carries (an API key carries only its scopes), by their wire names as the token and the database hold them.
 */
public record Caller(
        UUID userId,
        @Nullable UUID organizationId,
        @Nullable UUID tenantId,
        Role role,
        Set<String> permissions,
        boolean viaApiKey) {

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
    public boolean mayChange(AccessLevel level, @Nullable UUID rowOrganizationId, UUID rowCreatedBy) {
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

    /** Whether this caller sees this row: the rule of {@link AccessSql#visible}, for a row already loaded. */
    public boolean maySee(Owned row) {
        return isSuperAdmin()
                || row.accessLevel() == AccessLevel.SYSTEM
                || row.accessLevel() == AccessLevel.PERSONAL && userId.equals(row.createdBy())
                || row.accessLevel() == AccessLevel.ORGANIZATION
                        && row.organizationId() != null
                        && row.organizationId().equals(organizationId);
    }

    /** Whether this caller may change or delete this row. */
    public boolean mayChange(Owned row) {
        return mayChange(row.accessLevel(), row.organizationId(), row.createdBy());
    }

    /** Refuses a change to a row this caller may see but not change: a 403, naming what the row is. */
    public void requireChange(Owned row, String what) {
        if (!mayChange(row)) {
            throw new Forbidden(
                    "Only the creator, an org_admin of its organization or a super_admin may change " + what);
        }
    }

    /** Refuses the request unless this caller holds the permission (an API key: its scopes). */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new Forbidden("This needs the permission " + permission);
        }
    }

    /** The organisation that owns a row this caller creates at this level: its own for organization, else none. */
    public @Nullable UUID organizationFor(AccessLevel level) {
        return level == AccessLevel.ORGANIZATION ? organizationId : null;
    }

    /**
     * The access level of a row this caller creates: the requested one, else {@code organization} for members of an
     * organisation and {@code personal} otherwise. Only a super_admin writes {@code system} rows.
     */
    public AccessLevel levelForNewRow(@Nullable AccessLevel requested) {
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
