package io.covenant.shared.security;

import java.util.Locale;

/** The five roles, in increasing order of reach. */
public enum Role {
    USER,
    ORG_MEMBER,
    ORG_ADMIN,
    TENANT_ADMIN,
    SUPER_ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String value) {
        return Role.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
