package io.covenant.edgar;

import io.covenant.shared.error.InvalidInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Values read from an EDGAR document, refused with a 422 naming where and what when the document is malformed (a
 * date that is no date, a value that is no number), so an uploaded file gets an answer instead of a failure.
 */
final class DocumentValues {

    private DocumentValues() {}

    /** A CIK as EDGAR names its documents: ten digits with leading zeros. */
    static String cik10(String cik) {
        String digits = cik.replaceAll("\\D", "");
        if (digits.isEmpty() || digits.length() > 10) {
            throw InvalidInput.of("cik", "must be up to 10 digits");
        }
        return "%010d".formatted(Long.parseLong(digits));
    }

    static LocalDate date(JsonNode value, String where) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw malformed(where, "is missing");
        }
        try {
            return LocalDate.parse(value.asString());
        } catch (DateTimeParseException ex) {
            throw malformed(where, "is not a date (yyyy-mm-dd): " + shortened(value.asString()));
        }
    }

    static LocalDate optionalDate(JsonNode value, String where) {
        return value == null
                        || value.isNull()
                        || value.isMissingNode()
                        || value.asString("").isBlank()
                ? null
                : date(value, where);
    }

    static double number(JsonNode value, String where) {
        if (value == null || !value.isNumber()) {
            throw malformed(
                    where,
                    value == null || value.isMissingNode()
                            ? "is missing"
                            : "is not a number: " + shortened(value.asString()));
        }
        return value.asDouble();
    }

    /**
     * The byte offset of a JSON escape of NUL ({@code \u0000}) in a document, or -1: PostgreSQL cannot store that
     * character, so such a document is refused before anything is imported.
     */
    static int escapedNul(byte[] content) {
        for (int i = 0; i + 5 < content.length; i++) {
            if (content[i] == '\\'
                    && content[i + 1] == 'u'
                    && content[i + 2] == '0'
                    && content[i + 3] == '0'
                    && content[i + 4] == '0'
                    && content[i + 5] == '0') {
                int backslashes = 0;
                for (int j = i - 1; j >= 0 && content[j] == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static InvalidInput malformed(String where, String what) {
        return InvalidInput.of("file", "is not a valid EDGAR document: " + where + " " + what);
    }

    private static String shortened(String value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? '"' + text + '"' : '"' + text.substring(0, 40) + "...\"";
    }
}
