package io.covenant.edgar;

import io.covenant.shared.error.InvalidInput;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where the EDGAR documents an import writes come from: SEC's API by ticker or CIK, an upload, or a file. */
@Component
record EdgarDocuments(EdgarClient client, TickerDirectory tickers, JsonMapper json) {

    /** The ten-digit CIK of a ticker or CIK; the ticker map is fetched from SEC the first time a ticker needs it. */
    String cik10(String ticker, String cik) {
        if (cik != null && !cik.isBlank()) {
            return DocumentValues.cik10(cik);
        }
        if (ticker != null && !ticker.isBlank()) {
            if (!tickers.loaded()) {
                tickers.load(json.readTree(client.tickerMap()));
            }
            return tickers.byTicker(ticker)
                    .orElseThrow(() -> InvalidInput.of("ticker", "is not in SEC's ticker map"))
                    .cik10();
        }
        throw InvalidInput.of("ticker", "or cik is required");
    }

    JsonNode submissions(String cik10) {
        return json.readTree(client.submissions(cik10));
    }

    JsonNode companyFacts(String cik10) {
        return json.readTree(client.companyFacts(cik10));
    }

    /** An uploaded document, refused with a 422 when it cannot be stored or is not JSON. */
    JsonNode parse(byte[] content) {
        int nul = DocumentValues.escapedNul(content);
        if (nul >= 0) {
            throw InvalidInput.of(
                    "file",
                    "is not readable: a NUL character (\\u0000) at byte offset " + nul + ", which cannot be stored");
        }
        try {
            return json.readTree(content);
        } catch (RuntimeException ex) {
            throw InvalidInput.of(
                    "file",
                    "is not JSON: " + ex.getMessage().lines().findFirst().orElse(""));
        }
    }

    JsonNode read(Path file) {
        return json.readTree(file.toFile());
    }
}
