package io.covenant.shared.error;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** A resource that does not exist, or that the caller may not see: both answer 404 so nothing leaks. */
public class NotFound extends DomainException {

    public NotFound(String resource, Object id) {
        super(
                HttpStatus.NOT_FOUND,
                "not-found",
                resource + " not found",
                "No " + resource.toLowerCase(Locale.ROOT) + " with id " + id + " exists or is visible to you");
    }

    protected NotFound(String title, String detail) {
        super(HttpStatus.NOT_FOUND, "not-found", title, detail);
    }
}
