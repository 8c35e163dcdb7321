package io.covenant.shared.jdbc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The optional conditions of a list: each is SQL over named parameters, and a statement carries only those whose
 * parameters all have a value, so a filter the request leaves out is not in the SQL at all. It replaces
 * {@code (CAST(:x AS t) IS NULL OR ...)} per filter, which only a custom plan could fold away, and reads the same for
 * every list: the filters as a list of SQL conditions, the request's values as the parameters.
 */
public final class Filters {

    /** A named parameter ({@code :name}), not a cast ({@code ::type}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

    /** The parameters each condition names: the conditions are constants, so this holds a few dozen entries. */
    private static final Map<String, List<String>> NAMES = new ConcurrentHashMap<>();

    private Filters() {}

    /**
     * The conditions whose parameters are all set in {@code params}, each as {@code " AND (condition)"}, in order; an
     * empty string when none is. A parameter is unset when it is absent, null, or a typed null.
     */
    public static String and(Map<String, ?> params, List<String> conditions) {
        return conditions.stream()
                .filter(condition -> applies(condition, params))
                .map(condition -> " AND (" + condition + ")")
                .collect(Collectors.joining());
    }

    private static boolean applies(String condition, Map<String, ?> params) {
        return NAMES.computeIfAbsent(condition, Filters::names).stream()
                .allMatch(name -> value(params.get(name)) != null);
    }

    private static List<String> names(String condition) {
        List<String> names = PARAMETER
                .matcher(condition)
                .results()
                .map(name -> name.group(1))
                .toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an optional condition names no parameter: " + condition);
        }
        return names;
    }

    private static @Nullable Object value(@Nullable Object parameter) {
        return parameter instanceof SqlParameterValue typed ? typed.getValue() : parameter;
    }
}
