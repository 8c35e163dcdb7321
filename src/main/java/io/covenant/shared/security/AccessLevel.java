package io.covenant.shared.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.covenant.shared.error.InvalidInput;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Who may see a row: its creator, its organisation, or everyone. */
public enum AccessLevel {
    PERSONAL,
    ORGANIZATION,
    SYSTEM;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AccessLevel of(String value) {
        return AccessLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** A request parameter's level: null when blank, a field error on {@code access_level} when unknown. */
    public static @Nullable AccessLevel parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return of(value);
        } catch (IllegalArgumentException ex) {
            throw InvalidInput.of("access_level", "must be one of personal, organization, system");
        }
    }
}
