package io.covenant.identity;

import io.covenant.identity.SessionRepository.NewSession;
import io.covenant.identity.SessionRepository.Rotated;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * A sign-in's session family: issues a short-lived signed access token and a refresh token, rotates the refresh token
 * and revokes the family.
 */
@Component
record TokenIssuer(JwtEncoder encoder, SessionRepository sessions, IdentityProperties properties) {

    /** The claim holding the account's security version at issue; see {@link AccountVersions}. */
    static final String VERSION = "ver";

    Tokens issue(UserRow user, Set<String> permissions, UUID familyId, ClientInfo client) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("covenant")
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("role", user.role().value())
                .claim(VERSION, user.securityVersion())
                .claim("perms", List.copyOf(permissions));
        if (user.organizationId() != null) {
            claims.claim("org", user.organizationId().toString());
        }
        if (user.tenantId() != null) {
            claims.claim("tenant", user.tenantId().toString());
        }
        String access = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        String refresh = Secrets.random(32);
        sessions.insert(new NewSession(
                user.id(),
                familyId,
                Secrets.hash(refresh),
                client.ip(),
                client.userAgent(),
                OffsetDateTime.now(ZoneOffset.UTC).plus(properties.refreshTokenTtl())));
        return new Tokens(access, refresh, "Bearer", properties.accessTokenTtl().toSeconds());
    }

    /** The session of a live refresh token, now used up; a token presented again revokes its whole family. */
    Rotated rotate(String refreshToken) {
        String hash = Secrets.hash(refreshToken == null ? "" : refreshToken);
        var rotated = sessions.rotate(hash);
        if (rotated.isPresent()) {
            return rotated.get();
        }
        var family = sessions.familyOfRotated(hash);
        if (family.isPresent()) {
            sessions.revokeFamily(family.get());
            throw AuthenticationFailed.refreshTokenReused();
        }
        throw AuthenticationFailed.refreshTokenInvalid();
    }

    /** Ends the family of this refresh token if it is the user's, or every session of the user without one. */
    void signOut(UUID userId, String refreshToken) {
        if (refreshToken != null && !refreshToken.isBlank()) {
            sessions.findLive(Secrets.hash(refreshToken))
                    .filter(s -> s.userId().equals(userId))
                    .ifPresent(s -> sessions.revokeFamily(s.familyId()));
        } else {
            sessions.revokeAll(userId);
        }
    }

    void revokeAll(UUID userId) {
        sessions.revokeAll(userId);
    }
}
