package io.covenant.audit.web;

import io.covenant.audit.AuditQuery;
import io.covenant.shared.web.TimeRange;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The filter parameters of the audit log, bound as one record beside its time range and page. */
record AuditLogParams(
        @Nullable UUID userId,
        @Nullable UUID organizationId,
        @Nullable String entityType,
        @Nullable UUID entityId,
        @Nullable String action,
        @Nullable String requestId) {

    AuditQuery query(TimeRange when) {
        return new AuditQuery(
                userId,
                entityType,
                entityId,
                action == null ? null : action.toUpperCase(Locale.ROOT),
                requestId,
                when.from(),
                when.to(),
                organizationId);
    }
}
