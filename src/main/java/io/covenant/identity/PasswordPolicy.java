package io.covenant.identity;

import java.util.Locale;

import io.covenant.shared.error.InvalidInput;

/** Passwords of 10 to 128 characters that are not the email address. */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	static void check(String password, String email) {
		if (password == null || password.length() < 10) {
			throw InvalidInput.of("password", "must have at least 10 characters");
		}
		if (password.length() > 128) {
			throw InvalidInput.of("password", "must have at most 128 characters");
		}
		if (email != null && password.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT).split("@")[0])
				&& email.split("@")[0].length() >= 4) {
			throw InvalidInput.of("password", "must not contain the email address");
		}
	}

}
