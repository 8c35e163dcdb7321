package io.covenant.upload;

import io.covenant.shared.error.DomainException;
import io.covenant.shared.error.FieldError;
import io.covenant.shared.error.InvalidInput;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A file that cannot become an upload job: not a CSV or XLSX, too large, too many rows, or columns missing. */
final class UploadRefused {

    private UploadRefused() {}

    static DomainException unsupported(String why) {
        return new Unsupported("The file is not a CSV or XLSX file: " + why);
    }

    static DomainException tooLarge(long size, long limit) {
        return new TooLarge("The upload is " + size + " bytes; files are limited to " + limit + " bytes");
    }

    static InvalidInput invalid(String detail) {
        return new InvalidInput("The file cannot be processed: " + detail, List.of(FieldError.of("file", detail)));
    }

    static InvalidInput invalid(String detail, List<FieldError> errors) {
        return new InvalidInput("The file cannot be processed: " + detail, errors);
    }

    static final class Unsupported extends DomainException {

        Unsupported(String detail) {
            super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file", "Unsupported file", detail);
        }
    }

    static final class TooLarge extends DomainException {

        TooLarge(String detail) {
            super(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large", detail);
        }
    }
}
