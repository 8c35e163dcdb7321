package io.covenant.audit;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the audit log; every one optional. */
public record AuditQuery(
        @Nullable UUID userId,
        @Nullable String entityType,
        @Nullable UUID entityId,
        @Nullable String action,
        @Nullable String requestId,
        @Nullable OffsetDateTime from,
        @Nullable OffsetDateTime to,
        @Nullable UUID organizationId) {}
