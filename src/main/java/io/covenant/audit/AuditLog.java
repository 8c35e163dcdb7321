package io.covenant.audit;

import io.covenant.shared.error.Forbidden;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import io.covenant.shared.security.Role;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for administrators: a super_admin sees all, a tenant_admin its tenant's organisations, an
 * org_admin (or a holder of {@code audit:read}) its own organisation. Removes entries past the retention period.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;

    private final AuditProperties properties;

    AuditLog(JdbcClient jdbc, AuditProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public CursorPage<AuditEntry> search(Caller caller, AuditQuery query, String cursor, int limit) {
        if (!caller.isSuperAdmin() && !caller.can(Permission.AUDIT_READ)) {
            throw new Forbidden("Reading the audit log needs the audit:read permission");
        }
        if (!caller.isSuperAdmin() && caller.organizationId() == null && caller.role() != Role.TENANT_ADMIN) {
            throw new Forbidden("Only members of an organization read its audit log");
        }
        Cursor after = Cursor.decode(cursor);
        List<AuditEntry> rows = Cursor.bind(jdbc.sql("""
				SELECT id, event_type, entity_type, entity_id, user_id, organization_id, action, old_values::text,
				       new_values::text, metadata::text, host(ip_address) AS ip, user_agent, request_id, created_at
				FROM audit_logs a
				WHERE (:super
				       OR (:tenant_admin AND a.organization_id IN (SELECT id FROM organizations WHERE tenant_id = :tenant))
				       OR a.organization_id = :caller_org)
				  AND (CAST(:user AS uuid) IS NULL OR a.user_id = :user)
				  AND (CAST(:org AS uuid) IS NULL OR a.organization_id = :org)
				  AND (CAST(:entity_type AS text) IS NULL OR a.entity_type = :entity_type)
				  AND (CAST(:entity_id AS uuid) IS NULL OR a.entity_id = :entity_id)
				  AND (CAST(:action AS text) IS NULL OR a.action = :action)
				  AND (CAST(:request AS text) IS NULL OR a.request_id = :request)
				  AND (CAST(:from AS timestamptz) IS NULL OR a.created_at >= :from)
				  AND (CAST(:to AS timestamptz) IS NULL OR a.created_at < :to)
				  AND (CAST(:after_at AS timestamptz) IS NULL OR (a.created_at, a.id) < (:after_at, :after_id))
				ORDER BY a.created_at DESC, a.id DESC
				LIMIT :limit"""), after)
                .param("super", caller.isSuperAdmin())
                .param("tenant_admin", caller.role() == Role.TENANT_ADMIN)
                .param("tenant", caller.tenantId(), Types.OTHER)
                .param("caller_org", caller.organizationId(), Types.OTHER)
                .param("user", query.userId(), Types.OTHER)
                .param("org", query.organizationId(), Types.OTHER)
                .param("entity_type", query.entityType(), Types.VARCHAR)
                .param("entity_id", query.entityId(), Types.OTHER)
                .param("action", query.action(), Types.VARCHAR)
                .param("request", query.requestId(), Types.VARCHAR)
                .param("from", query.from(), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("to", query.to(), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("limit", limit + 1)
                .query((rs, i) -> new AuditEntry(
                        rs.getObject("id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("entity_type"),
                        rs.getObject("entity_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("action"),
                        rs.getString("old_values"),
                        rs.getString("new_values"),
                        rs.getString("metadata"),
                        rs.getString("ip"),
                        rs.getString("user_agent"),
                        rs.getString("request_id"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        return CursorPage.of(rows, limit, e -> Cursor.of(e.createdAt(), e.id()));
    }

    /** Removes entries older than the retention period; the ops module's audit-retention job runs it nightly. */
    @Transactional
    public int removeExpired() {
        int removed = jdbc.sql("DELETE FROM audit_logs WHERE created_at < :cutoff")
                .param("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(properties.retention()))
                .update();
        if (removed > 0) {
            log.info("Removed {} audit entries older than {}", removed, properties.retention());
        }
        return removed;
    }
}
