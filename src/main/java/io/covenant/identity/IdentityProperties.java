package io.covenant.identity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
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
 * @param loginFreeFailures failed sign-ins to one account from one address before each further one waits
 * @param loginFreeFailuresPerAddress failed sign-ins from one address, to any account, before slowing down
 * @param loginFreeFailuresPerAccount failed sign-ins to one account from anywhere before slowing down addresses
 *     that never signed in to it
 * @param loginWindow how long failures are remembered after the last one
 * @param loginMaxDelay the longest wait the doubling delay reaches
 * @param verificationTtl lifetime of an email verification token
 * @param returnVerificationToken whether registration returns the verification token (no mail server is wired)
 */
@Validated
@ConfigurationProperties("covenant.security")
record IdentityProperties(
        @NotBlank @Size(min = 32) String jwtSecret,
        @NotNull Duration accessTokenTtl,
        @NotNull Duration refreshTokenTtl,
        String adminEmail,
        String adminPassword,
        @Min(1) int loginFreeFailures,
        @Min(1) int loginFreeFailuresPerAddress,
        @Min(1) int loginFreeFailuresPerAccount,
        @NotNull Duration loginWindow,
        @NotNull Duration loginMaxDelay,
        @NotNull Duration verificationTtl,
        boolean returnVerificationToken) {

    @Override
    public String toString() {
        return "IdentityProperties[secrets hidden]";
    }
}
