package io.covenant.edgar;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** SEC's ticker to CIK map ({@code company_tickers.json}), loaded from a file or fetched once online. */
@Component
class TickerDirectory {

    /** One line of the map. */
    record Entry(String ticker, String cik10, String title) {}

    private final Map<String, Entry> byTicker = new ConcurrentHashMap<>();

    private final Map<String, Entry> byCik = new ConcurrentHashMap<>();

    int load(JsonNode document) {
        int loaded = 0;
        for (JsonNode row : document) {
            if (!row.has("cik_str") || !row.has("ticker")) {
                continue;
            }
            Entry entry = new Entry(
                    row.get("ticker").asString().toUpperCase(Locale.ROOT),
                    "%010d".formatted(row.get("cik_str").asLong()),
                    row.path("title").asString(""));
            byTicker.put(entry.ticker(), entry);
            // A company with several share classes keeps its first (primary) ticker.
            byCik.putIfAbsent(entry.cik10(), entry);
            loaded++;
        }
        return loaded;
    }

    boolean loaded() {
        return !byTicker.isEmpty();
    }

    Optional<Entry> byTicker(String ticker) {
        return Optional.ofNullable(byTicker.get(ticker.trim().toUpperCase(Locale.ROOT)));
    }

    Optional<Entry> byCik(String cik10) {
        return Optional.ofNullable(byCik.get(cik10));
    }

    static boolean isTickerMap(JsonNode document) {
        JsonNode first =
                document.isObject() && document.size() > 0 ? document.iterator().next() : null;
        return first != null && first.has("cik_str") && first.has("ticker");
    }
}
