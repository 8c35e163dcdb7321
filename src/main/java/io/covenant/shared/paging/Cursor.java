package io.covenant.shared.paging;

import io.covenant.shared.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A keyset position (a timestamp and a tie-breaking id), opaque to clients. Lists order by (time DESC, id DESC) and
 * continue strictly after the cursor, so pages neither skip nor repeat rows when new ones arrive.
 */
public record Cursor(Instant at, UUID id) {

    public static Cursor of(OffsetDateTime at, UUID id) {
        return new Cursor(at.toInstant(), id);
    }

    /** The place of a row in a newest-first list. */
    public static Cursor of(Dated row) {
        return of(row.createdAt(), row.id());
    }

    public String encode() {
        long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        String raw = micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page; a malformed cursor is the client's error. */
    public static @Nullable Cursor decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            long micros = Long.parseLong(raw.substring(0, colon));
            return new Cursor(
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                    UUID.fromString(raw.substring(colon + 1)));
        } catch (RuntimeException ex) {
            throw InvalidInput.of("cursor", "is not a cursor returned by this API");
        }
    }

    /**
     * The keyset condition of a newest-first list over {@code alias} as an optional condition of
     * {@code shared.jdbc.Filters}: rows strictly after {@code :after_at} and {@code :after_id}, which {@link #params}
     * sets; on the first page they are null and the list has no such condition.
     */
    public static String condition(String alias) {
        return "(%1$s.created_at, %1$s.id) < (:after_at, :after_id)".formatted(alias);
    }

    /** {@code :after_at} and {@code :after_id} for {@link #condition}; both null on the first page. */
    public static Map<String, @Nullable Object> params(@Nullable Cursor after) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("after_at", after == null ? null : after.atUtc());
        params.put("after_id", after == null ? null : after.id());
        return params;
    }

    public OffsetDateTime atUtc() {
        return at.atOffset(ZoneOffset.UTC);
    }
}
