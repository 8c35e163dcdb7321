package io.covenant.identity;

import io.covenant.shared.jdbc.Rows;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code user_sessions}: one row per refresh token, rotations sharing a family. */
@Repository
@RequiredArgsConstructor
class SessionRepository {

    private static final RowMapper<Rotated> ROTATED = Rows.mapper(Rotated.class);

    private final JdbcClient jdbc;

    private final AccountVersions versions;

    void insert(NewSession session) {
        jdbc.sql("""
				INSERT INTO user_sessions (user_id, family_id, refresh_token_hash, ip_address, user_agent, expires_at)
				VALUES (:userId, :familyId, :refreshTokenHash, CAST(:ipAddress AS inet), :userAgent, :expiresAt)""").params(Rows.params(session)).update();
    }

    /** Marks a live token used and returns its session; empty when it is unknown, used, revoked or expired. */
    Optional<Rotated> rotate(String tokenHash) {
        return jdbc.sql("""
				UPDATE user_sessions SET rotated_at = now()
				WHERE refresh_token_hash = :hash AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()
				RETURNING user_id, family_id""").param("hash", tokenHash).query(ROTATED).optional();
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
				WHERE refresh_token_hash = :hash AND revoked_at IS NULL AND expires_at > now()""").param("hash", tokenHash).query(ROTATED).optional();
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

    /** A refresh token's session, as one row of {@code user_sessions} holds it. */
    record NewSession(
            UUID userId,
            UUID familyId,
            String refreshTokenHash,
            String ipAddress,
            String userAgent,
            OffsetDateTime expiresAt) {}

    record Rotated(UUID userId, UUID familyId) {}
}
