package io.covenant.shared.audit;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Published by any module when it changes a business row or someone signs in or out; the audit module records it
 * in the same transaction. Old and new values are plain records or maps; secrets are stripped on the way in.
 *
 * @param userId the acting user, or null to take the current caller
 */
public record Audited(
        String eventType,
        String entityType,
        UUID entityId,
        AuditAction action,
        Object oldValues,
        Object newValues,
        UUID organizationId,
        UUID userId,
        Map<String, Object> metadata) {

    public static Audited created(String entityType, UUID id, Object created, UUID organizationId) {
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

    public static Audited updated(String entityType, UUID id, Object before, Object after, UUID organizationId) {
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

    public static Audited deleted(String entityType, UUID id, Object before, UUID organizationId) {
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

    public static Audited authentication(
            AuditAction action, UUID userId, UUID organizationId, Map<String, Object> metadata) {
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
