package io.covenant.company;

import io.covenant.shared.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** A keyset position in a company list: the sort column's value of the last row and its id, opaque to clients. */
record CompanyCursor(CompanySort sort, String value, UUID id) {

    String encode() {
        String raw = sort.name() + "\n" + value + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static CompanyCursor decode(String cursor, CompanySort expected) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
            CompanyCursor decoded =
                    new CompanyCursor(CompanySort.valueOf(parts[0]), parts[1], UUID.fromString(parts[2]));
            if (decoded.sort() != expected) {
                throw InvalidInput.of(
                        "cursor",
                        "belongs to a list sorted by " + decoded.sort().name().toLowerCase());
            }
            return decoded;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
            throw InvalidInput.of("cursor", "is not a cursor returned by this API");
        }
    }
}
