package io.covenant.identity;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.covenant.shared.security.Role;

/** What each role may do before any individual grant; grants in user_permissions add to it. */
final class RolePermissions {

	static final Set<String> ALL = Set.of("companies:read", "companies:write", "predictions:read",
			"predictions:write", "uploads:create", "uploads:read", "documents:read", "documents:write",
			"intelligence:read", "intelligence:write", "audit:read", "api_keys:manage", "ops:read");

	private static final Set<String> MEMBER = ALL.stream()
		.filter(p -> !p.equals("audit:read") && !p.equals("ops:read"))
		.collect(Collectors.toUnmodifiableSet());

	/** Database statistics span every tenant: only a super_admin reads them unless granted. */
	private static final Set<String> ADMIN = ALL.stream()
		.filter(p -> !p.equals("ops:read"))
		.collect(Collectors.toUnmodifiableSet());

	private static final Map<Role, Set<String>> DEFAULTS = Map.of(Role.USER, MEMBER, Role.ORG_MEMBER, MEMBER,
			Role.ORG_ADMIN, ADMIN, Role.TENANT_ADMIN, ADMIN, Role.SUPER_ADMIN, ALL);

	private RolePermissions() {
	}

	static Set<String> of(Role role, Set<String> grants) {
		return Stream.concat(DEFAULTS.get(role).stream(), grants.stream()).collect(Collectors.toUnmodifiableSet());
	}

}
