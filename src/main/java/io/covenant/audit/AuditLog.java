package io.covenant.audit;

import io.covenant.shared.error.Forbidden;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import io.covenant.shared.security.Role;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for administrators: a super_admin sees all, a tenant_admin its tenant's organisations, an
 * org_admin (or a holder of {@code audit:read}) its own organisation. Removes entries past the retention period.
 */
@Service
@RequiredArgsConstructor
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository repository;

    private final AuditProperties properties;

    @Transactional(readOnly = true)
    public CursorPage<AuditEntry> search(Caller caller, AuditQuery query, String cursor, int limit) {
        if (!caller.isSuperAdmin() && !caller.can(Permission.AUDIT_READ)) {
            throw new Forbidden("Reading the audit log needs the audit:read permission");
        }
        if (!caller.isSuperAdmin() && caller.organizationId() == null && caller.role() != Role.TENANT_ADMIN) {
            throw new Forbidden("Only members of an organization read its audit log");
        }
        List<AuditEntry> rows = repository.page(caller, query, Cursor.decode(cursor), limit);
        return CursorPage.of(rows, limit, e -> Cursor.of(e.createdAt(), e.id()));
    }

    /** Removes entries older than the retention period; the ops module's audit-retention job runs it nightly. */
    @Transactional
    public int removeExpired() {
        int removed = repository.removeBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(properties.retention()));
        if (removed > 0) {
            log.info("Removed {} audit entries older than {}", removed, properties.retention());
        }
        return removed;
    }
}
