package io.covenant.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What an uploaded file is, judged by its bytes rather than its name: an XLSX (a ZIP) or UTF-8 text (CSV). */
enum FileFormat {
    CSV,
    XLSX;

    private static final int SNIFF = 64 * 1024;

    static FileFormat of(byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return XLSX;
        }
        int length = Math.min(content.length, SNIFF);
        for (int i = 0; i < length; i++) {
            if (content[i] == 0) {
                throw UploadRefused.unsupported("it contains binary data (a NUL byte at offset " + i + ")");
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, 0, trimToCharacter(content, length)));
        } catch (CharacterCodingException ex) {
            throw UploadRefused.unsupported("it is neither an XLSX workbook nor UTF-8 text");
        }
        return CSV;
    }

    /** The sniffed prefix must not cut a multi-byte UTF-8 character in two. */
    private static int trimToCharacter(byte[] content, int length) {
        if (length == content.length) {
            return length;
        }
        int end = length;
        while (end > 0 && (content[end] & 0xC0) == 0x80) {
            end--;
        }
        return end;
    }

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
