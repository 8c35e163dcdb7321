package io.covenant.identity;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Authentication settings.
 *
 * @param jwtSecret HMAC key for access tokens (checked at start-up; generated in development)
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token
 * @param adminEmail the first super_admin, created when none exists
 * @param adminPassword its password
 * @param loginMaxFailures failed logins per account in the window before 429
 * @param loginMaxFailuresPerAddress failed logins per client address in the window before 429
 * @param loginWindow the throttling window
 * @param verificationTtl lifetime of an email verification token
 * @param returnVerificationToken whether registration returns the verification token (no mail server is wired)
 */
@Validated
@ConfigurationProperties("covenant.security")
record IdentityProperties(@NotBlank @Size(min = 32) String jwtSecret, @NotNull Duration accessTokenTtl,
		@NotNull Duration refreshTokenTtl, String adminEmail, String adminPassword, @Min(1) int loginMaxFailures,
		@Min(1) int loginMaxFailuresPerAddress, @NotNull Duration loginWindow, @NotNull Duration verificationTtl,
		boolean returnVerificationToken) {

	@Override
	public String toString() {
		return "IdentityProperties[secrets hidden]";
	}

}
