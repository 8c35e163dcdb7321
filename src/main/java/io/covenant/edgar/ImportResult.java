package io.covenant.edgar;

import java.util.List;
import java.util.UUID;

/** What an import did, and what it could not do (missing facts, IFRS reporting, ratios not derived). */
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

    static ImportResult of(
            String source,
            UUID companyId,
            String symbol,
            String cik,
            String name,
            int filings,
            int metrics,
            int ratios,
            List<String> notes) {
        int keep = Math.min(notes.size(), 40);
        return new ImportResult(
                source,
                companyId,
                symbol,
                cik,
                name,
                filings,
                metrics,
                ratios,
                List.copyOf(notes.subList(0, keep)),
                notes.size() - keep);
    }
}
