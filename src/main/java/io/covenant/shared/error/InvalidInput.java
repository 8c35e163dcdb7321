package io.covenant.shared.error;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Input that is well formed but breaks a rule: 422 with the field-level errors. */
public class InvalidInput extends DomainException {

    private final List<FieldError> errors;

    public InvalidInput(String detail, List<FieldError> errors) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "validation-failed", "Invalid input", detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(field + " " + message, List.of(FieldError.of(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
