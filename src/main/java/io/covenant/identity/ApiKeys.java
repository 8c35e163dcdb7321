package io.covenant.identity;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for machine clients: shown once, stored as a SHA-256 hash with a visible prefix, scoped to a subset of
 * the creator's permissions, expiring and revocable.
 */
@Service
@RequiredArgsConstructor
public class ApiKeys {

    private final ApiKeyRepository keys;

    private final UserChanges changes;

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
        ApiKeyView view = keys.insert(caller.userId(), name, prefix, Secrets.hash(key), scopes, expiry);
        changes.publish(Audited.created("api_key", view.id(), view, caller.organizationId()));
        return view.withKey(key);
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list(Caller caller) {
        return keys.ofUser(caller.userId());
    }

    @Transactional
    public void revoke(Caller caller, UUID id) {
        ApiKeyView before = keys.findOfUser(id, caller.userId()).orElseThrow(() -> new NotFound("API key", id));
        ApiKeyView after = keys.revoke(id);
        changes.publish(Audited.updated("api_key", id, before, after, caller.organizationId()));
    }

    /** The caller a presented key stands for, checked against the database on every request. */
    @Transactional
    public Optional<Caller> authenticate(String key) {
        return keys.findLive(Secrets.hash(key)).map(holder -> {
            // A key never carries more than its owner holds today.
            Set<String> effective = new TreeSet<>(holder.scopes());
            effective.retainAll(
                    RolePermissions.of(holder.role(), changes.users().grants(holder.userId())));
            keys.touch(holder.keyId());
            return new Caller(
                    holder.userId(), holder.organizationId(), holder.tenantId(), holder.role(), effective, true);
        });
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

        /** Scopes in name order, however they were read. */
        public ApiKeyView {
            scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
        }

        /** The same key, with the secret shown once at its creation. */
        ApiKeyView withKey(String key) {
            return new ApiKeyView(id, name, keyPrefix, key, scopes, expiresAt, lastUsedAt, revokedAt, createdAt);
        }

        @Override
        public String toString() {
            return "ApiKeyView[" + id + ", " + keyPrefix + "]";
        }
    }
}
