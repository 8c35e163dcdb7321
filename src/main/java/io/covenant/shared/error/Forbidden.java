package io.covenant.shared.error;

import org.springframework.http.HttpStatus;

/** The caller may see the resource but not do this to it. */
public class Forbidden extends DomainException {

    public Forbidden(String detail) {
        super(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }
}
