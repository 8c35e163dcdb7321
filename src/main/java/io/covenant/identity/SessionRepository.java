package io.covenant.identity;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code user_sessions}: one row per refresh token, rotations sharing a family. */
@Repository
@RequiredArgsConstructor
class SessionRepository {

    private final JdbcClient jdbc;

    private final AccountVersions versions;

    void insert(UUID userId, UUID familyId, String tokenHash, String ip, String userAgent, OffsetDateTime expiresAt) {
        jdbc.sql("""
				INSERT INTO user_sessions (user_id, family_id, refresh_token_hash, ip_address, user_agent, expires_at)
				VALUES (:user, :family, :hash, CAST(:ip AS inet), :agent, :expires)""")
                .param("user", userId)
                .param("family", familyId)
                .param("hash", tokenHash)
                .param("ip", ip)
                .param("agent", userAgent)
                .param("expires", expiresAt)
                .update();
    }

    /** Marks a live token used and returns its session; empty when it is unknown, used, revoked or expired. */
    Optional<Rotated> rotate(String tokenHash) {
        return jdbc.sql("""
				UPDATE user_sessions SET rotated_at = now()
				WHERE refresh_token_hash = :hash AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()
				RETURNING user_id, family_id""")
                .param("hash", tokenHash)
                .query((rs, i) -> new Rotated(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** The family of a token that was already rotated: its reuse means it leaked. */
    Optional<UUID> familyOfRotated(String tokenHash) {
        return jdbc.sql(
                        "SELECT family_id FROM user_sessions WHERE refresh_token_hash = :hash AND rotated_at IS NOT NULL")
                .param("hash", tokenHash)
                .query(UUID.class)
                .optional();
    }

    Optional<Rotated> findLive(String tokenHash) {
        return jdbc.sql("""
				SELECT user_id, family_id FROM user_sessions
				WHERE refresh_token_hash = :hash AND revoked_at IS NULL AND expires_at > now()""")
                .param("hash", tokenHash)
                .query((rs, i) -> new Rotated(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    int revokeFamily(UUID familyId) {
        var users = jdbc.sql("""
				UPDATE user_sessions SET revoked_at = now() WHERE family_id = :family AND revoked_at IS NULL
				RETURNING user_id""").param("family", familyId).query(UUID.class).list();
        users.stream().distinct().forEach(versions::forgetAfterCommit);
        return users.size();
    }

    int revokeAll(UUID userId) {
        versions.forgetAfterCommit(userId);
        return jdbc.sql("UPDATE user_sessions SET revoked_at = now() WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId)
                .update();
    }

    record Rotated(UUID userId, UUID familyId) {}
}
