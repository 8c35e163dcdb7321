package io.covenant.shared.security;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may see a row: its creator, its organisation, or everyone. */
public enum AccessLevel {

	PERSONAL, ORGANIZATION, SYSTEM;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static AccessLevel of(String value) {
		return AccessLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
