package io.covenant.identity;

import io.covenant.shared.error.DomainException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The ways signing in or refreshing can fail. */
class AuthenticationFailed extends DomainException {

    private AuthenticationFailed(String type, String title, String detail) {
        super(HttpStatus.UNAUTHORIZED, type, title, detail);
    }

    static AuthenticationFailed badCredentials() {
        return new AuthenticationFailed(
                "invalid-credentials",
                "Invalid credentials",
                "The email address or password is wrong, or the account is inactive");
    }

    static AuthenticationFailed refreshTokenInvalid() {
        return new AuthenticationFailed(
                "invalid-refresh-token",
                "Invalid refresh token",
                "The refresh token is unknown, expired or revoked; sign in again");
    }

    static AuthenticationFailed refreshTokenReused() {
        return new AuthenticationFailed(
                "refresh-token-reused",
                "Refresh token reused",
                "This refresh token was already used; the session has been revoked as a precaution. Sign in again");
    }

    static AuthenticationFailed wrongCurrentPassword() {
        return new AuthenticationFailed("invalid-credentials", "Invalid credentials", "The current password is wrong");
    }

    /** Too many failed sign-ins for one account or address. */
    static class Throttled extends DomainException {

        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-login-attempts",
                    "Too many failed sign-ins",
                    "Too many failed sign-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds");
            this.retryAfter = retryAfter;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
    }
}
