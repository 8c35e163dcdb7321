package io.covenant.audit.web;

import io.covenant.audit.AuditQuery;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of the audit log, bound as one record ({@code @Parameter} repeats each {@code @BindParam}
 * name for springdoc, which does not read it: springdoc-openapi#2652).
 */
record AuditLogParams(
        @Parameter(name = "user_id") @BindParam("user_id") @Nullable
        UUID userId,

        @Parameter(name = "organization_id") @BindParam("organization_id") @Nullable
        UUID organizationId,

        @Parameter(name = "entity_type") @BindParam("entity_type") @Nullable
        String entityType,

        @Parameter(name = "entity_id") @BindParam("entity_id") @Nullable
        UUID entityId,

        @Nullable String action,

        @Parameter(name = "request_id") @BindParam("request_id") @Nullable
        String requestId,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
        OffsetDateTime from,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
        OffsetDateTime to,

        @Nullable String cursor,
        @Nullable Integer limit) {

    AuditQuery query() {
        return new AuditQuery(
                userId,
                entityType,
                entityId,
                action == null ? null : action.toUpperCase(Locale.ROOT),
                requestId,
                from,
                to,
                organizationId);
    }
}
