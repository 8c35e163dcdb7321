package io.covenant.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Filters of the audit log; every one optional. */
public record AuditQuery(
        UUID userId,
        String entityType,
        UUID entityId,
        String action,
        String requestId,
        OffsetDateTime from,
        OffsetDateTime to,
        UUID organizationId) {}
