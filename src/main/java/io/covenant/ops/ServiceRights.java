package io.covenant.ops;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs statistics queries with the service's own database rights: under a caller's row-level security role the
 * statistics views hide other sessions' statements and the standbys' progress.
 */
final class ServiceRights {

    private ServiceRights() {}

    static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
