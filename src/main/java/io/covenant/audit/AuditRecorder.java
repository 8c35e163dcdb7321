package io.covenant.audit;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import io.covenant.shared.web.ClientAddress;
import io.covenant.shared.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one audit row per {@link Audited} event, synchronously, so the entry commits or rolls back with the change
 * it records. Values that look like secrets are removed before they are stored.
 */
@Component
class AuditRecorder {

    private static final Set<String> SECRET_WORDS = Set.of("password", "hash", "token", "secret", "key");

    private final JdbcClient jdbc;

    private final JsonMapper json;

    AuditRecorder(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(Audited event) {
        UUID user = event.userId() != null
                ? event.userId()
                : Callers.find().map(Caller::userId).orElse(null);
        HttpServletRequest request = currentRequest();
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
                .param("old", scrubbed(event.oldValues()))
                .param("new", scrubbed(event.newValues()))
                .param("metadata", scrubbed(event.metadata() == null ? Map.of() : event.metadata()))
                .param("ip", request == null ? null : ClientAddress.of(request))
                .param("agent", request == null ? null : request.getHeader("User-Agent"))
                .param("request", request == null ? null : RequestIds.of(request))
                .update();
    }

    private String scrubbed(Object values) {
        if (values == null) {
            return null;
        }
        JsonNode tree = json.valueToTree(values);
        scrub(tree);
        return json.writeValueAsString(tree);
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : Set.copyOf(object.propertyNames())) {
                String lower = name.toLowerCase(Locale.ROOT);
                boolean secret = SECRET_WORDS.stream().anyMatch(lower::contains) && !lower.equals("key_prefix");
                if (secret
                        && !object.get(name).isNull()
                        && !"[changed]".equals(object.get(name).asString(""))) {
                    object.put(name, "[removed]");
                } else {
                    scrub(object.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditRecorder::scrub);
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
