package io.covenant.search;

import io.covenant.shared.error.InvalidInput;
import java.util.Locale;

/** How a search ranks chunks: by keyword, by meaning, or both fused. */
public enum SearchMode {
    KEYWORD,
    SEMANTIC,
    HYBRID;

    /** The {@code mode} parameter: hybrid when absent, a field error when unknown. */
    public static SearchMode parse(String mode) {
        String m = mode == null ? "hybrid" : mode.strip().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "keyword" -> KEYWORD;
            case "semantic" -> SEMANTIC;
            case "hybrid" -> HYBRID;
            default -> throw InvalidInput.of("mode", "must be keyword, semantic or hybrid");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
