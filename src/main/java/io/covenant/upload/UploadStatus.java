package io.covenant.upload;

import io.covenant.shared.error.InvalidInput;
import java.util.Locale;

/** Where an upload job is: the {@code status} column and the list filter of the same name. */
public enum UploadStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** The {@code status} filter: absent means any, an unknown one is a field error. */
    public static UploadStatus parse(String status) {
        if (status == null) {
            return null;
        }
        for (UploadStatus s : values()) {
            if (s.wireName().equals(status)) {
                return s;
            }
        }
        throw InvalidInput.of("status", "must be one of pending, processing, completed, failed, cancelled");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
