package io.covenant.audit.web;

import io.covenant.audit.AuditEntry;
import io.covenant.audit.AuditLog;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.PageParams;
import io.covenant.shared.web.TimeRange;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, filtered and cursor-paginated, newest first. */
@RestController
@RequestMapping("/api/v1/audit-logs")
record AuditLogController(AuditLog auditLog) {

    @GetMapping
    CursorPage<AuditEntry> search(
            Caller caller,
            @ParameterObject AuditLogParams params,
            @ParameterObject TimeRange when,
            @ParameterObject PageParams page) {
        return auditLog.search(caller, params.query(when), page.cursor(), page.size());
    }
}
