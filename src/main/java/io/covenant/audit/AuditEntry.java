package io.covenant.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One audit entry as the API shows it; the JSON columns pass through unchanged. */
public record AuditEntry(
        UUID id,
        String eventType,
        String entityType,
        UUID entityId,
        UUID userId,
        UUID organizationId,
        String action,
        @JsonRawValue String oldValues,
        @JsonRawValue String newValues,
        @JsonRawValue String metadata,
        String ipAddress,
        String userAgent,
        String requestId,
        OffsetDateTime createdAt) {}
