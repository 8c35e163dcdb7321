package io.covenant.identity;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.covenant.shared.security.Role;

/** What each role may do before any individual grant; grants in user_permissions add to it. */
final class RolePermissions {

	/** Query the audit log. */
	static final String AUDIT_READ = "audit:read";

	/** Read health details, metrics, the Prometheus scrape and the operations API. */
	static final String OPS_READ = "ops:read";

	static final Set<String> ALL = Set.of("companies:read", "companies:write", "predictions:read",
			"predictions:write", "uploads:create", "uploads:read", "documents:read", "documents:write",
			"intelligence:read", "intelligence:write", AUDIT_READ, OPS_READ, "api_keys:manage");

	private static final Set<String> ADMIN = ALL.stream()
		.filter(p -> !p.equals(OPS_READ))
		.collect(Collectors.toUnmodifiableSet());

	private static final Set<String> MEMBER = ADMIN.stream()
		.filter(p -> !p.equals(AUDIT_READ))
		.collect(Collectors.toUnmodifiableSet());

	private static final Map<Role, Set<String>> DEFAULTS = Map.of(Role.USER, MEMBER, Role.ORG_MEMBER, MEMBER,
			Role.ORG_ADMIN, ADMIN, Role.TENANT_ADMIN, ADMIN, Role.SUPER_ADMIN, ALL);

	private RolePermissions() {
	}

	static Set<String> of(Role role, Set<String> grants) {
		return Stream.concat(DEFAULTS.get(role).stream(), grants.stream()).collect(Collectors.toUnmodifiableSet());
	}

}
