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
        return change(AuditAction.CREATE, entityType, id, null, created, organizationId);
    }

    public static Audited updated(
            String entityType, UUID id, @Nullable Object before, Object after, @Nullable UUID organizationId) {
        return change(AuditAction.UPDATE, entityType, id, before, after, organizationId);
    }

    public static Audited deleted(String entityType, UUID id, Object before, @Nullable UUID organizationId) {
        return change(AuditAction.DELETE, entityType, id, before, null, organizationId);
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

    /** A change of a row by the current caller, named {@code entity.created}, {@code .updated} or {@code .deleted}. */
    private static Audited change(
            AuditAction action,
            String entityType,
            UUID id,
            @Nullable Object before,
            @Nullable Object after,
            @Nullable UUID organizationId) {
        return new Audited(
                entityType + "." + action.name().toLowerCase(Locale.ROOT) + "d",
                entityType,
                id,
                action,
                before,
                after,
                organizationId,
                null,
                Map.of());
    }
}
