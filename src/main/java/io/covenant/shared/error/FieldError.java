package io.covenant.shared.error;

/** One rejected field of a request, as reported in a problem's {@code errors} member. */
public record FieldError(String field, String message, Object rejectedValue) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null);
    }
}
