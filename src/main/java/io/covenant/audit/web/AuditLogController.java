package io.covenant.audit.web;

import io.covenant.audit.AuditEntry;
import io.covenant.audit.AuditLog;
import io.covenant.audit.AuditQuery;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.paging.Limits;
import io.covenant.shared.security.Caller;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, filtered and cursor-paginated, newest first. */
@RestController
@RequestMapping("/api/v1/audit-logs")
class AuditLogController {

    private final AuditLog auditLog;

    AuditLogController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    CursorPage<AuditEntry> search(
            Caller caller,
            @RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(name = "organization_id", required = false) UUID organizationId,
            @RequestParam(name = "entity_type", required = false) String entityType,
            @RequestParam(name = "entity_id", required = false) UUID entityId,
            @RequestParam(required = false) String action,
            @RequestParam(name = "request_id", required = false) String requestId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        AuditQuery query = new AuditQuery(
                userId,
                entityType,
                entityId,
                action == null ? null : action.toUpperCase(Locale.ROOT),
                requestId,
                from,
                to,
                organizationId);
        return auditLog.search(caller, query, cursor, Limits.check(limit));
    }
}
