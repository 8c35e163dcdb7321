package io.covenant.edgar;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.company.CompanyCommand;
import io.covenant.edgar.CompanyFactsAnalysis.SeenFiling;
import io.covenant.edgar.CompanyFactsAnalysis.Value;
import io.covenant.filing.FilingCommand;
import io.covenant.filing.Filings;
import io.covenant.metric.MetricPoint;
import io.covenant.metric.Metrics;
import io.covenant.shared.error.InvalidInput;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Writes one parsed EDGAR document as a system company with its filings, metrics and ratios, within the transaction
 * of the {@link EdgarImporter} call that read it.
 */
@Component
record EdgarWriter(Companies companies, Filings filings, Metrics metrics, TickerDirectory tickers) {

    /** Writes a ticker map, companyfacts or submissions document, whichever this one is. */
    ImportResult write(JsonNode document, String ticker, String source) {
        if (TickerDirectory.isTickerMap(document)) {
            int loaded = tickers.load(document);
            return new ImportResult(
                    source, null, null, null, "SEC ticker map", 0, 0, 0, List.of("Loaded " + loaded + " tickers"), 0);
        }
        if (document.has("facts")) {
            return companyFacts(document, ticker, source);
        }
        if (document.has("filings") && document.has("cik")) {
            return submissions(document, source);
        }
        throw InvalidInput.of("file", "is neither an EDGAR companyfacts, submissions nor ticker-map document");
    }

    /** A submissions document: the company's profile and its filings of the forms Covenant keeps. */
    ImportResult submissions(JsonNode document, String source) {
        String cik10 = DocumentValues.cik10(document.path("cik").asString());
        String symbol = document.path("tickers").path(0).asString(null);
        Company existing = companies.systemCompanyByCik(cik10).orElse(null);
        if (symbol == null) {
            symbol = existing != null
                    ? existing.symbol()
                    : tickers.byCik(cik10)
                            .map(TickerDirectory.Entry::ticker)
                            .orElseThrow(() -> InvalidInput.of("ticker", "no ticker is known for CIK " + cik10));
        }
        String sic = document.path("sic").asString(null);
        String exchange = document.path("exchanges").path(0).asString(null);
        Company company = upsert(
                new SecProfile(
                                symbol,
                                cik10,
                                document.path("name").asString(symbol),
                                null,
                                Sectors.ofSic(sic),
                                blankToNull(document.path("sicDescription").asString(null)),
                                sic,
                                shortExchange(exchange),
                                blankToNull(document.path("website").asString(null)),
                                null,
                                blankToNull(document.path("fiscalYearEnd").asString(null)))
                        .command(),
                existing);
        JsonNode recent = document.path("filings").path("recent");
        List<FilingCommand> kept = new ArrayList<>();
        for (int i = 0; i < recent.path("accessionNumber").size(); i++) {
            String form = recent.path("form").path(i).asString();
            if (!Filings.kept(form)) {
                continue;
            }
            String accession = recent.path("accessionNumber").path(i).asString();
            String document1 = recent.path("primaryDocument").path(i).asString(null);
            kept.add(new FilingCommand(
                    accession,
                    form,
                    DocumentValues.date(recent.path("filingDate").path(i), "filings.recent.filingDate[" + i + "]"),
                    DocumentValues.optionalDate(
                            recent.path("reportDate").path(i), "filings.recent.reportDate[" + i + "]"),
                    null,
                    null,
                    indexUrl(cik10, accession),
                    document1 == null || document1.isBlank() ? null : archive(cik10, accession) + document1,
                    document1,
                    blankToNull(recent.path("primaryDocDescription").path(i).asString(null)),
                    recent.path("isXBRL").path(i).asInt(0) == 1));
        }
        int written = filings.record(company.id(), kept);
        return new ImportResult(
                source,
                company.id(),
                company.symbol(),
                cik10,
                company.name(),
                written,
                0,
                0,
                List.of("Kept " + kept.size() + " of "
                        + recent.path("accessionNumber").size()
                        + " recent filings (forms "
                        + String.join(", ", List.of("10-K", "10-Q", "8-K", "S-1", "DEF 14A", "20-F"))
                        + " and amendments)"),
                0);
    }

    /** A companyfacts document: the company, the filings its facts cite, its statement metrics and ratios. */
    ImportResult companyFacts(JsonNode document, String ticker, String source) {
        CompanyFactsAnalysis analysis = new CompanyFactsAnalysis(document);
        Company existing = companies.systemCompanyByCik(analysis.cik10).orElse(null);
        String symbol = ticker != null && !ticker.isBlank()
                ? ticker
                : existing != null
                        ? existing.symbol()
                        : tickers.byCik(analysis.cik10)
                                .map(TickerDirectory.Entry::ticker)
                                .orElseThrow(() -> InvalidInput.of(
                                        "ticker",
                                        "no ticker is known for CIK " + analysis.cik10
                                                + "; pass ticker, or import the ticker map or the submissions first"));
        Company company = upsert(
                new SecProfile(
                                symbol,
                                analysis.cik10,
                                analysis.entityName,
                                null,
                                existing != null ? existing.sector() : "Unclassified",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)
                        .command(),
                existing);
        List<FilingCommand> cited = analysis.filings.values().stream()
                .filter(f -> Filings.kept(f.form()))
                .map(f -> filingOf(analysis.cik10, f))
                .toList();
        int filingCount = filings.record(company.id(), cited);
        Map<String, UUID> filingIds = filings.idsByAccession(company.id());
        List<MetricPoint> points =
                analysis.values.stream().map(v -> point(v, filingIds)).toList();
        int written = metrics.writeImported(company.id(), points);
        int ratios = (int) analysis.values.stream()
                .filter(v -> v.category().equals("ratio"))
                .count();
        return new ImportResult(
                source,
                company.id(),
                company.symbol(),
                analysis.cik10,
                company.name(),
                filingCount,
                written,
                ratios,
                analysis.notes,
                0);
    }

    /** A company list such as the EdTech list: one system company per row. */
    ImportResult companyList(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CompanyCommand> commands = CompanyList.read(reader);
            int written = companies.upsertSystemCompanies(commands);
            return new ImportResult(
                    file.getFileName().toString(),
                    null,
                    null,
                    null,
                    "company list",
                    0,
                    0,
                    0,
                    List.of("Created or refreshed " + written + " system companies"),
                    0);
        }
    }

    private Company upsert(CompanyCommand command, Company existing) {
        CompanyCommand merged = existing == null
                ? command
                : new CompanyCommand(
                        command.symbol(),
                        command.cik(),
                        command.name(),
                        existing.legalName(),
                        existing.category(),
                        command.sector().equals("Unclassified") ? existing.sector() : command.sector(),
                        existing.subsector(),
                        command.industry() != null ? command.industry() : existing.industry(),
                        existing.subcategory(),
                        existing.monetizationStrategy(),
                        command.sicCode() != null ? command.sicCode() : existing.sicCode(),
                        existing.foundedYear(),
                        existing.headquarters(),
                        existing.employeeCount(),
                        existing.marketCap(),
                        existing.country(),
                        existing.currency(),
                        command.exchange() != null ? command.exchange() : existing.exchange(),
                        command.website() != null ? command.website() : existing.website(),
                        existing.description(),
                        command.fiscalYearEnd() != null ? command.fiscalYearEnd() : existing.fiscalYearEnd(),
                        null);
        companies.upsertSystemCompanies(List.of(merged));
        return companies.systemCompanyByCik(command.normalizedCik()).orElseThrow();
    }

    private static MetricPoint point(Value v, Map<String, UUID> filingIds) {
        return new MetricPoint(
                v.metricType(),
                v.end(),
                v.value(),
                v.category().equals("ratio") ? null : "USD",
                v.periodType(),
                v.fiscalYear(),
                v.fiscalQuarter(),
                v.category(),
                "sec_xbrl",
                v.accession() == null ? null : filingIds.get(v.accession()));
    }

    private static FilingCommand filingOf(String cik10, SeenFiling f) {
        String period = f.fp() == null ? null : f.fp().matches("FY|Q[1-4]|H[12]") ? f.fp() : null;
        return new FilingCommand(
                f.accession(),
                f.form(),
                f.filed(),
                f.periodEnd(),
                f.fy(),
                period,
                indexUrl(cik10, f.accession()),
                null,
                null,
                null,
                true);
    }

    private static String archive(String cik10, String accession) {
        return "https://www.sec.gov/Archives/edgar/data/" + Long.parseLong(cik10) + "/" + accession.replace("-", "")
                + "/";
    }

    private static String indexUrl(String cik10, String accession) {
        return archive(cik10, accession) + accession + "-index.htm";
    }

    private static String shortExchange(String exchange) {
        return exchange == null ? null : exchange.length() > 10 ? exchange.substring(0, 10) : exchange;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
