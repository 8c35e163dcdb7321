package io.covenant.identity;

import io.covenant.shared.security.Permission;
import io.covenant.shared.security.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What each role may do before any individual grant; grants in user_permissions add to it. */
final class RolePermissions {

    static final Set<String> ALL = Permission.wireNames(EnumSet.allOf(Permission.class));

    private static final Set<String> ADMIN =
            ALL.stream().filter(p -> !p.equals(Permission.OPS_READ.wireName())).collect(Collectors.toUnmodifiableSet());

    private static final Set<String> MEMBER = ADMIN.stream()
            .filter(p -> !p.equals(Permission.AUDIT_READ.wireName()))
            .collect(Collectors.toUnmodifiableSet());

    private static final Map<Role, Set<String>> DEFAULTS = Map.of(
            Role.USER,
            MEMBER,
            Role.ORG_MEMBER,
            MEMBER,
            Role.ORG_ADMIN,
            ADMIN,
            Role.TENANT_ADMIN,
            ADMIN,
            Role.SUPER_ADMIN,
            ALL);

    private RolePermissions() {}

    static Set<String> of(Role role, Set<String> grants) {
        return Stream.concat(DEFAULTS.get(role).stream(), grants.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
