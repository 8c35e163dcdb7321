package io.covenant.shared.audit;

import io.covenant.shared.security.Owned;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published by any module when it changes a business row or someone signs in or out; the audit module records it
 * in the same transaction. Old and new values are plain records or maps; secrets are stripped on the way in.
 *
 * @param userId the acting user, or null to take the current caller
 */
public record Audited(
        String eventType,
        String entityType,
        @Nullable UUID entityId,
        AuditAction action,
        @Nullable Object oldValues,
        @Nullable Object newValues,
        @Nullable UUID organizationId,
        @Nullable UUID userId,
        Map<String, Object> metadata) {

    public static Audited created(String entityType, UUID id, Object created, @Nullable UUID organizationId) {
        return new Audited(
                entityType + ".created",
                entityType,
                id,
                AuditAction.CREATE,
                null,
                created,
                organizationId,
                null,
                Map.of());
    }

    public static Audited updated(
            String entityType, UUID id, @Nullable Object before, Object after, @Nullable UUID organizationId) {
        return new Audited(
                entityType + ".updated",
                entityType,
                id,
                AuditAction.UPDATE,
                before,
                after,
                organizationId,
                null,
                Map.of());
    }

    public static Audited deleted(String entityType, UUID id, Object before, @Nullable UUID organizationId) {
        return new Audited(
                entityType + ".deleted",
                entityType,
                id,
                AuditAction.DELETE,
                before,
                null,
                organizationId,
                null,
                Map.of());
    }

    /** A row under the access rule was created; its organisation is the event's. */
    public static Audited created(String entityType, Owned created) {
        return created(entityType, created.id(), created, created.organizationId());
    }

    public static Audited updated(String entityType, Owned before, Owned after) {
        return updated(entityType, after.id(), before, after, after.organizationId());
    }

    public static Audited deleted(String entityType, Owned before) {
        return deleted(entityType, before.id(), before, before.organizationId());
    }

    public static Audited authentication(
            AuditAction action, UUID userId, @Nullable UUID organizationId, Map<String, Object> metadata) {
        return new Audited(
                "auth." + action.name().toLowerCase(Locale.ROOT),
                "user",
                userId,
                action,
                null,
                null,
                organizationId,
                userId,
                metadata);
    }
}
