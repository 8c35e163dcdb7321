package io.covenant.shared.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the user, their organisation and tenant (either may be null), their role and the permissions this
 * request carries (an API key carries only its scopes).
 */
public record Caller(UUID userId, UUID organizationId, UUID tenantId, Role role, Set<String> permissions,
		boolean viaApiKey) {

	public Caller {
		permissions = Set.copyOf(permissions);
	}

	public boolean can(String permission) {
		return role == Role.SUPER_ADMIN && !viaApiKey || permissions.contains(permission);
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
			case ORGANIZATION -> rowOrganizationId != null && rowOrganizationId.equals(organizationId)
					&& (userId.equals(rowCreatedBy) || role == Role.ORG_ADMIN);
			case SYSTEM -> false;
		};
	}

	/** Whether this caller may see a row with these access columns; mirrors covenant_can_see() in the database. */
	public boolean maySee(AccessLevel level, UUID rowOrganizationId, UUID rowCreatedBy) {
		return switch (level) {
			case SYSTEM -> true;
			case PERSONAL -> userId.equals(rowCreatedBy) || isSuperAdmin();
			case ORGANIZATION -> rowOrganizationId != null && rowOrganizationId.equals(organizationId)
					|| isSuperAdmin();
		};
	}

}
