package io.covenant.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.CallerAuthentication;
import io.covenant.shared.security.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller a verified access token stands for, refused when the account changed since the token was issued
 * (deactivated, signed out, moved, demoted, a permission revoked): the client refreshes and gets today's rights.
 *
 * <p>The account check runs on every request. The {@link Caller} read from the token's claims is remembered per
 * token object: {@link RememberingJwtDecoder} hands back the same object for the same token, so a steady client's
 * claims are converted once, not on every request (UUID parsing and list conversion showed in the profile under
 * load). Weak keys compared by identity: an entry goes with its token.
 */
final class TokenCallers {

    private final AccountVersions versions;

    private final Cache<Jwt, Caller> callers = Caffeine.newBuilder().weakKeys().build();

    TokenCallers(AccountVersions versions) {
        this.versions = versions;
    }

    AbstractAuthenticationToken authenticationOf(Jwt jwt) {
        Caller caller = callers.get(jwt, TokenCallers::callerOf);
        Object version = jwt.getClaim(TokenIssuer.VERSION);
        if (!(version instanceof Number number) || !versions.isCurrent(caller.userId(), number.longValue())) {
            throw new AccountChanged();
        }
        return new CallerAuthentication(caller);
    }

    static Caller callerOf(Jwt jwt) {
        List<String> permissions = jwt.getClaimAsStringList("perms");
        return new Caller(
                UUID.fromString(jwt.getSubject()),
                uuid(jwt.getClaimAsString("org")),
                uuid(jwt.getClaimAsString("tenant")),
                Role.of(jwt.getClaimAsString("role")),
                permissions == null ? Set.of() : Set.copyOf(permissions),
                false);
    }

    private static UUID uuid(String value) {
        return value == null || value.isBlank() ? null : UUID.fromString(value);
    }
}
