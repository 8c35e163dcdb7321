package io.covenant.shared.error;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The request clashes with the current state, such as a duplicate of an existing row. */
public class Conflict extends DomainException {

    private final List<FieldError> errors;

    public Conflict(String type, String title, String detail) {
        this(type, title, detail, List.of());
    }

    public Conflict(String type, String title, String detail, List<FieldError> errors) {
        super(HttpStatus.CONFLICT, type, title, detail);
        this.errors = List.copyOf(errors);
    }

    @Override
    public Map<String, Object> properties() {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }
}
