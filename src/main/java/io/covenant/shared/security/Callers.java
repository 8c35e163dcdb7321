package io.covenant.shared.security;

import io.covenant.shared.error.DomainException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current thread: the request's, or the one a background job runs as. */
public final class Callers {

    private Callers() {}

    public static Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication ca ? Optional.of(ca.getPrincipal()) : Optional.empty();
    }

    public static Caller current() {
        return find().orElseThrow(Unauthenticated::new);
    }

    /** Runs work on behalf of a caller, as background jobs do for the user who started them. */
    public static <T> T runAs(Caller caller, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Raised when code that needs a caller runs without one. */
    static class Unauthenticated extends DomainException {

        Unauthenticated() {
            super(
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Authentication required",
                    "This request needs a bearer token or an API key");
        }
    }
}
