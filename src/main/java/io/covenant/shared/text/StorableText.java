package io.covenant.shared.text;

import io.covenant.shared.error.InvalidInput;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text PostgreSQL can store: no NUL (U+0000, which {@code text} and {@code jsonb} refuse) and no lone surrogate
 * (which has no UTF-8 form). Input is checked with this where it enters, so that a client's bad byte is a 400 or
 * 422 naming the field instead of a database error.
 */
public final class StorableText {

    private StorableText() {}

    /** Refuses (422 naming the field) text PostgreSQL cannot store; null passes. */
    public static String require(String field, String text) {
        int at = text == null ? -1 : firstUnstorable(text);
        if (at >= 0) {
            throw InvalidInput.of(field, problem(text, at));
        }
        return text;
    }

    /** The index of the first character PostgreSQL cannot store, or -1. */
    public static int firstUnstorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The field-error message for text whose character at {@code index} cannot be stored. */
    public static String problem(CharSequence text, int index) {
        char c = text.charAt(index);
        String what = c == '\u0000' ? "a NUL character (U+0000)" : "an unpaired surrogate (U+%04X)".formatted((int) c);
        return "contains " + what + " at character " + index + ", which cannot be stored";
    }

    /**
     * The byte offset of the first NUL in a file's bytes, or -1. A text file with NUL bytes is binary or in an
     * encoding such as UTF-16, and is refused as unreadable.
     */
    public static long firstNulByte(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether these bytes are valid UTF-8. */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException ex) {
            return false;
        }
    }
}
