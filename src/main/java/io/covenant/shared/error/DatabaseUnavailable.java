package io.covenant.shared.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The database could not answer in time: it is down or restarting, no connection came free within the pool's
 * timeout, or a statement ran past its timeout. Not the client's fault and not a bug, so a 503 the client may retry.
 */
public class DatabaseUnavailable extends DomainException {

    DatabaseUnavailable(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable", detail);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "5");
    }
}
