package io.covenant.shared.security;

import io.covenant.shared.error.InvalidInput;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller may do beyond its role's reach. The API, the JWT's claims, API key scopes and the database carry the
 * wire name ({@code companies:read}); the code uses the constant, parsed at the edge.
 */
public enum Permission {
    COMPANIES_READ("companies:read"),
    COMPANIES_WRITE("companies:write"),
    PREDICTIONS_READ("predictions:read"),
    PREDICTIONS_WRITE("predictions:write"),
    UPLOADS_CREATE("uploads:create"),
    UPLOADS_READ("uploads:read"),
    DOCUMENTS_READ("documents:read"),
    DOCUMENTS_WRITE("documents:write"),
    INTELLIGENCE_READ("intelligence:read"),
    INTELLIGENCE_WRITE("intelligence:write"),
    /** Query the audit log. */
    AUDIT_READ("audit:read"),
    /** Read health details, metrics, the Prometheus scrape and the operations API. */
    OPS_READ("ops:read"),
    API_KEYS_MANAGE("api_keys:manage");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The permission named {@code name}; an unknown name is the client's mistake, named in a 422 problem. */
    public static Permission parse(String name) {
        for (Permission permission : values()) {
            if (permission.wireName.equals(name)) {
                return permission;
            }
        }
        throw InvalidInput.of(
                "permission",
                "'" + name + "' is not a known permission; one of "
                        + String.join(
                                ", ",
                                wireNames(Set.of(values())).stream().sorted().toList()));
    }

    public static Set<String> wireNames(Set<Permission> permissions) {
        return permissions.stream().map(Permission::wireName).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
