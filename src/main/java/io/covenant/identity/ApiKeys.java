package io.covenant.identity;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import io.covenant.shared.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for machine clients: shown once, stored as a SHA-256 hash with a visible prefix, scoped to a subset of
 * the creator's permissions, expiring and revocable.
 */
@Service
public class ApiKeys {

    private static final String COLUMNS =
            "id, name, key_prefix, scopes, expires_at, last_used_at, revoked_at, created_at";

    private final JdbcClient jdbc;

    private final UserChanges changes;

    ApiKeys(JdbcClient jdbc, UserChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Transactional
    public ApiKeyView create(Caller caller, String name, Set<String> scopes, OffsetDateTime expiresAt) {
        if (caller.viaApiKey()) {
            throw new Forbidden("An API key cannot create API keys; sign in as the user");
        }
        if (!caller.can(Permission.API_KEYS_MANAGE)) {
            throw new Forbidden("You lack the permission api_keys:manage");
        }
        Set<String> allowed = RolePermissions.of(caller.role(), changes.users().grants(caller.userId()));
        List<String> excess =
                scopes.stream().filter(s -> !allowed.contains(s)).sorted().toList();
        if (!excess.isEmpty()) {
            throw InvalidInput.of("scopes", "may only contain your own permissions; not " + String.join(", ", excess));
        }
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw InvalidInput.of("expires_at", "must be in the future");
        }
        OffsetDateTime expiry = expiresAt != null
                ? expiresAt
                : OffsetDateTime.now(ZoneOffset.UTC).plusDays(90);
        String prefix = "cov_" + Secrets.random(6).replace('-', 'x').replace('_', 'y');
        String key = prefix + "_" + Secrets.random(32);
        ApiKeyView view = jdbc.sql("""
				INSERT INTO api_keys (user_id, name, key_prefix, key_hash, scopes, expires_at)
				VALUES (:user, :name, :prefix, :hash, :scopes, :expires) RETURNING\s""" + COLUMNS)
                .param("user", caller.userId())
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", Secrets.hash(key))
                .param("scopes", new TreeSet<>(scopes).toArray(String[]::new))
                .param("expires", expiry)
                .query((rs, i) -> view(rs, null))
                .single();
        changes.publish(Audited.created("api_key", view.id(), view, caller.organizationId()));
        return new ApiKeyView(
                view.id(),
                view.name(),
                view.keyPrefix(),
                key,
                view.scopes(),
                view.expiresAt(),
                view.lastUsedAt(),
                view.revokedAt(),
                view.createdAt());
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list(Caller caller) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE user_id = :user ORDER BY created_at DESC")
                .param("user", caller.userId())
                .query((rs, i) -> view(rs, null))
                .list();
    }

    @Transactional
    public void revoke(Caller caller, UUID id) {
        ApiKeyView before = jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", caller.userId())
                .query((rs, i) -> view(rs, null))
                .optional()
                .orElseThrow(() -> new NotFound("API key", id));
        ApiKeyView after = jdbc.sql("""
				UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()), is_active = FALSE
				WHERE id = :id RETURNING\s""" + COLUMNS)
                .param("id", id)
                .query((rs, i) -> view(rs, null))
                .single();
        changes.publish(Audited.updated("api_key", id, before, after, caller.organizationId()));
    }

    /** The caller a presented key stands for, checked against the database on every request. */
    @Transactional
    public Optional<Caller> authenticate(String key) {
        Optional<Caller> caller = jdbc.sql("""
				SELECT k.id, k.scopes, u.id AS user_id, u.organization_id, u.tenant_id, u.role
				FROM api_keys k JOIN users u ON u.id = k.user_id
				WHERE k.key_hash = :hash AND k.is_active AND k.revoked_at IS NULL
				  AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.is_active""")
                .param("hash", Secrets.hash(key))
                .query((rs, i) -> {
                    UUID userId = rs.getObject("user_id", UUID.class);
                    Role role = Role.of(rs.getString("role"));
                    Set<String> scopes = Set.of((String[]) rs.getArray("scopes").getArray());
                    // A key never carries more than its owner holds today.
                    Set<String> current = RolePermissions.of(role, changes.users().grants(userId));
                    Set<String> effective = new TreeSet<>(scopes);
                    effective.retainAll(current);
                    touch(rs.getObject("id", UUID.class));
                    return new Caller(
                            userId,
                            rs.getObject("organization_id", UUID.class),
                            rs.getObject("tenant_id", UUID.class),
                            role,
                            effective,
                            true);
                })
                .optional();
        return caller;
    }

    /** Records use at most once a minute per key, so that busy clients do not write on every request. */
    private void touch(UUID id) {
        jdbc.sql("""
				UPDATE api_keys SET last_used_at = now()
				WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""").param("id", id, Types.OTHER).update();
    }

    private static ApiKeyView view(ResultSet rs, String key) throws SQLException {
        return new ApiKeyView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("key_prefix"),
                key,
                new TreeSet<>(Arrays.asList((String[]) rs.getArray("scopes").getArray())),
                rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    /** An API key as the API shows it; {@code key} only in the response that created it. */
    public record ApiKeyView(
            UUID id,
            String name,
            String keyPrefix,
            String key,
            Set<String> scopes,
            OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt,
            OffsetDateTime createdAt) {

        @Override
        public String toString() {
            return "ApiKeyView[" + id + ", " + keyPrefix + "]";
        }
    }
}
