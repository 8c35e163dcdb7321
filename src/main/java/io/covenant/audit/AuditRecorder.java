package io.covenant.audit;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import io.covenant.shared.web.ClientAddress;
import io.covenant.shared.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
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
record AuditRecorder(AuditRepository repository, JsonMapper json) {

    private static final Set<String> SECRET_WORDS = Set.of("password", "hash", "token", "secret", "key");

    @EventListener
    void on(Audited event) {
        UUID user = event.userId() != null
                ? event.userId()
                : Callers.find().map(Caller::userId).orElse(null);
        HttpServletRequest request = currentRequest();
        repository.insert(
                event,
                user,
                scrubbed(event.oldValues()),
                scrubbed(event.newValues()),
                scrubbed(event.metadata() == null ? Map.of() : event.metadata()),
                request == null
                        ? AuditRepository.RequestFields.NONE
                        : new AuditRepository.RequestFields(
                                ClientAddress.of(request), request.getHeader("User-Agent"), RequestIds.of(request)));
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
