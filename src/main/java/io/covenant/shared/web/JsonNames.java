package io.covenant.shared.web;

import java.util.Locale;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Field names as clients see them (snake_case), and readable causes of unreadable bodies. */
public final class JsonNames {

    private JsonNames() {}

    public static String snake(String name) {
        if (name == null) {
            return "request";
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String readableCause(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        String message = cause.getMessage();
        if (message == null || cause == ex) {
            return "The request body is missing or is not valid JSON";
        }
        // Jackson's messages name the offending field and position but also the Java types; keep the first line.
        String first = message.lines().findFirst().orElse(message);
        return "The request body could not be read: " + first.replaceAll("`[a-z]+(\\.[A-Za-z0-9_$]+)+`", "value");
    }
}
