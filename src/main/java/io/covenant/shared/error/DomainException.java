package io.covenant.shared.error;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Something that happened which a client must hear about; subclasses are named after it and carry the HTTP status
 * and the stable problem type it maps to.
 */
public abstract class DomainException extends RuntimeException {

    private static final String TYPE_BASE = "https://covenant.dev/problems/";

    private final HttpStatus status;

    private final String type;

    private final String title;

    protected DomainException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_BASE + type);
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem document, such as field errors. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** Response headers the problem needs, such as Retry-After. */
    public Map<String, String> headers() {
        return Map.of();
    }

    public static URI typeOf(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
