package io.covenant.audit;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.jdbc.Filters;
import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Role;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code audit_logs}: one row per recorded event, read newest first within the caller's reach. */
@Repository
@RequiredArgsConstructor
class AuditRepository {

    private final JdbcClient jdbc;

    /**
     * Writes one entry; the values are JSON already scrubbed of secrets, the request fields null outside a request.
     */
    void insert(Audited event, UUID user, String oldValues, String newValues, String metadata, RequestFields request) {
        jdbc.sql("""
				INSERT INTO audit_logs (event_type, entity_type, entity_id, user_id, organization_id, action,
				  old_values, new_values, metadata, ip_address, user_agent, request_id)
				VALUES (:event, :entity, :entity_id, :user, :org, :action, CAST(:old AS jsonb), CAST(:new AS jsonb),
				  CAST(:metadata AS jsonb), CAST(:ip AS inet), :agent, :request)""")
                .param("event", event.eventType())
                .param("entity", event.entityType())
                .param("entity_id", event.entityId(), Types.OTHER)
                .param("user", user, Types.OTHER)
                .param("org", event.organizationId(), Types.OTHER)
                .param("action", event.action().name())
                .param("old", oldValues)
                .param("new", newValues)
                .param("metadata", metadata)
                .param("ip", request.ip())
                .param("agent", request.userAgent())
                .param("request", request.requestId())
                .update();
    }

    /** The client's address, user agent and request id of the request that caused an entry; all null without one. */
    record RequestFields(String ip, String userAgent, String requestId) {

        static final RequestFields NONE = new RequestFields(null, null, null);
    }

    /** A page's optional filters, named as {@link AuditQuery}'s components, and its keyset. */
    private static final List<String> FILTERS = List.of(
            "a.user_id = :userId",
            "a.organization_id = :organizationId",
            "a.entity_type = :entityType",
            "a.entity_id = :entityId",
            "a.action = :action",
            "a.request_id = :requestId",
            "a.created_at >= :from",
            "a.created_at < :to",
            Cursor.condition("a"));

    /**
     * A page of entries the caller may read ({@code limit + 1} rows): a super_admin every entry, a tenant_admin its
     * tenant's organisations', everyone else its own organisation's.
     */
    List<AuditEntry> page(Caller caller, AuditQuery query, Cursor after, int limit) {
        Map<String, @Nullable Object> params = new HashMap<>(Rows.params(query));
        params.putAll(Cursor.params(after));
        return jdbc.sql("""
				SELECT id, event_type, entity_type, entity_id, user_id, organization_id, action, old_values::text,
				       new_values::text, metadata::text, host(ip_address) AS ip_address, user_agent, request_id, created_at
				FROM audit_logs a
				WHERE (:super
				       OR (:tenant_admin AND a.organization_id IN (SELECT id FROM organizations WHERE tenant_id = :tenant))
				       OR a.organization_id = :caller_org)%s
				ORDER BY a.created_at DESC, a.id DESC
				LIMIT :limit""".formatted(Filters.and(params, FILTERS)))
                .params(params)
                .param("super", caller.isSuperAdmin())
                .param("tenant_admin", caller.role() == Role.TENANT_ADMIN)
                .param("tenant", caller.tenantId(), Types.OTHER)
                .param("caller_org", caller.organizationId(), Types.OTHER)
                .param("limit", limit + 1)
                .query(AuditEntry.class)
                .list();
    }

    int removeBefore(OffsetDateTime cutoff) {
        return jdbc.sql("DELETE FROM audit_logs WHERE created_at < :cutoff")
                .param("cutoff", cutoff)
                .update();
    }
}
