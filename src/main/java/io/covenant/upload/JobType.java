package io.covenant.upload;

import io.covenant.prediction.Ratio;
import io.covenant.shared.error.InvalidInput;
import java.util.List;
import java.util.Locale;

/** What a job imports, and the ratios of that kind: the {@code job_type} of an upload. */
public enum JobType {
    ANNUAL,
    QUARTERLY;

    /** The {@code job_type} a client sent: a field error when missing or unknown. */
    public static JobType of(String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of("job_type", "is required: annual or quarterly");
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "annual" -> ANNUAL;
            case "quarterly" -> QUARTERLY;
            default -> throw InvalidInput.of("job_type", "must be annual or quarterly");
        };
    }

    List<Ratio> ratios() {
        return this == ANNUAL ? Ratio.ANNUAL : Ratio.QUARTERLY;
    }

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
