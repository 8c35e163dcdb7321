package io.covenant.edgar;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.covenant.company.CompanyCommand;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CSV list of public companies with a ticker, a name and a CIK (such as {@code edtech_public_companies.csv});
 * optional exchange, SIC code and description columns. Names follow SEC's titles.
 */
final class CompanyList {

    private CompanyList() {}

    static boolean looksLikeCompanyList(Path file) throws IOException {
        String header = Files.newBufferedReader(file).readLine();
        return header != null
                && header.toLowerCase().contains("ticker")
                && header.toLowerCase().contains("cik");
    }

    static List<CompanyCommand> read(Reader reader) {
        List<CompanyCommand> commands = new ArrayList<>();
        for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(reader)) {
            Map<String, String> r = row.getFieldsAsMap();
            String ticker = first(r, "ticker", "symbol");
            String cik = first(r, "cik_10", "cik");
            if (ticker == null || cik == null) {
                continue;
            }
            String sic = first(r, "sic_code", "sic");
            String description = first(r, "segment_label_unofficial", "description");
            commands.add(new SecProfile(
                            ticker.replace('.', '-'),
                            cik,
                            first(r, "sec_title_2024_05", "name", "title"),
                            "edtech",
                            sic != null ? Sectors.ofSic(sic) : "Education Technology",
                            first(r, "sic_description", "industry"),
                            sic,
                            first(r, "exchange_2026_06", "exchange"),
                            null,
                            description,
                            null)
                    .command());
        }
        return commands;
    }

    private static String first(Map<String, String> row, String... names) {
        for (String name : names) {
            String value = row.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
