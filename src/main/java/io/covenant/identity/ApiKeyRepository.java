package io.covenant.identity;

import io.covenant.identity.ApiKeys.ApiKeyView;
import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.jdbc.Table;
import io.covenant.shared.security.Role;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code api_keys}: the key itself is never stored, only its hash and visible prefix. */
@Repository
class ApiKeyRepository {

    /** The key is shown once, by the response that creates it; only its hash is stored. */
    private static final String COLUMNS =
            "id, name, key_prefix, NULL AS key, scopes, expires_at, last_used_at, revoked_at, created_at";

    private static final RowMapper<Holder> HOLDERS = Rows.mapper(Holder.class);

    private final JdbcClient jdbc;

    private final Table<ApiKeyView> keys;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.keys = new Table<>(jdbc, "api_keys", COLUMNS, ApiKeyView.class);
    }

    ApiKeyView insert(
            UUID userId, String name, String prefix, String keyHash, Set<String> scopes, OffsetDateTime expiresAt) {
        return jdbc.sql("""
				INSERT INTO api_keys (user_id, name, key_prefix, key_hash, scopes, expires_at)
				VALUES (:user, :name, :prefix, :hash, :scopes, :expires) RETURNING\s""" + keys.columns())
                .param("user", userId)
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", keyHash)
                .param("scopes", new TreeSet<>(scopes).toArray(String[]::new))
                .param("expires", expiresAt)
                .query(keys.mapper())
                .single();
    }

    List<ApiKeyView> ofUser(UUID userId) {
        return keys.list("user_id = :value ORDER BY created_at DESC", userId);
    }

    Optional<ApiKeyView> findOfUser(UUID id, UUID userId) {
        return jdbc.sql("SELECT " + keys.columns() + " FROM api_keys WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", userId)
                .query(keys.mapper())
                .optional();
    }

    ApiKeyView revoke(UUID id) {
        return jdbc.sql("""
				UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()), is_active = FALSE
				WHERE id = :id RETURNING\s""" + keys.columns())
                .param("id", id)
                .query(keys.mapper())
                .single();
    }

    /** Revokes every key of an account, as deactivating it does. */
    void revokeAllOf(UUID userId) {
        jdbc.sql("UPDATE api_keys SET is_active = FALSE, revoked_at = now() WHERE user_id = :id AND revoked_at IS NULL")
                .param("id", userId)
                .update();
    }

    /** The live key with this hash and its owner, if the key is neither revoked nor expired and the owner active. */
    Optional<Holder> findLive(String keyHash) {
        return jdbc.sql("""
				SELECT k.id AS key_id, k.scopes, u.id AS user_id, u.organization_id, u.tenant_id, u.role
				FROM api_keys k JOIN users u ON u.id = k.user_id
				WHERE k.key_hash = :hash AND k.is_active AND k.revoked_at IS NULL
				  AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.is_active""").param("hash", keyHash).query(HOLDERS).optional();
    }

    /** Records use at most once a minute per key, so that busy clients do not write on every request. */
    void touch(UUID id) {
        jdbc.sql("""
				UPDATE api_keys SET last_used_at = now()
				WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""").param("id", id, Types.OTHER).update();
    }

    /** A live key, its scopes, and the account it belongs to as it is now. */
    record Holder(
            UUID keyId,
            Set<String> scopes,
            UUID userId,
            @Nullable UUID organizationId,
            @Nullable UUID tenantId,
            Role role) {}
}
