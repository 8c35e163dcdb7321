package io.covenant.edgar;

import java.util.List;
import java.util.UUID;

/**
 * What an import did, and what it could not do (missing facts, IFRS reporting, ratios not derived). Only the first
 * {@value #MAX_NOTES} notes are kept; {@code notesOmitted} counts the rest.
 */
public record ImportResult(
        String source,
        UUID companyId,
        String symbol,
        String cik,
        String name,
        int filings,
        int metrics,
        int ratios,
        List<String> notes,
        int notesOmitted) {

    static final int MAX_NOTES = 40;

    public ImportResult {
        int keep = Math.min(notes.size(), MAX_NOTES);
        notesOmitted += notes.size() - keep;
        notes = List.copyOf(notes.subList(0, keep));
    }
}
