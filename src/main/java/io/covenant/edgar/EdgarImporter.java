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
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports EDGAR documents as system companies with their filings, metrics and ratios. Each document is imported in
 * one transaction, and importing it again changes nothing.
 */
@Service
public class EdgarImporter {

    private final Companies companies;

    private final Filings filings;

    private final Metrics metrics;

    private final TickerDirectory tickers;

    private final EdgarClient client;

    private final JsonMapper json;

    EdgarImporter(
            Companies companies,
            Filings filings,
            Metrics metrics,
            TickerDirectory tickers,
            EdgarClient client,
            JsonMapper json) {
        this.companies = companies;
        this.filings = filings;
        this.metrics = metrics;
        this.tickers = tickers;
        this.client = client;
        this.json = json;
    }

    /** Fetches a company's submissions and XBRL facts from EDGAR by ticker or CIK. */
    @Transactional
    public List<ImportResult> importOnline(Caller caller, String ticker, String cik) {
        requireImporter(caller, false);
        String cik10;
        if (cik != null && !cik.isBlank()) {
            cik10 = cik10(cik);
        } else if (ticker != null && !ticker.isBlank()) {
            if (!tickers.loaded()) {
                tickers.load(json.readTree(client.tickerMap()));
            }
            cik10 = tickers.byTicker(ticker)
                    .orElseThrow(() -> InvalidInput.of("ticker", "is not in SEC's ticker map"))
                    .cik10();
        } else {
            throw InvalidInput.of("ticker", "or cik is required");
        }
        List<ImportResult> results = new ArrayList<>();
        results.add(importSubmissions(json.readTree(client.submissions(cik10)), "edgar:submissions"));
        results.add(importCompanyFacts(json.readTree(client.companyFacts(cik10)), null, "edgar:companyfacts"));
        return results;
    }

    /** Imports an uploaded EDGAR document (companyfacts, submissions or the ticker map). */
    @Transactional
    public ImportResult importDocument(Caller caller, byte[] content, String ticker, String name) {
        requireImporter(caller, true);
        int nul = DocumentValues.escapedNul(content);
        if (nul >= 0) {
            throw InvalidInput.of(
                    "file",
                    "is not readable: a NUL character (\\u0000) at byte offset " + nul + ", which cannot be stored");
        }
        JsonNode document;
        try {
            document = json.readTree(content);
        } catch (RuntimeException ex) {
            throw InvalidInput.of(
                    "file",
                    "is not JSON: " + ex.getMessage().lines().findFirst().orElse(""));
        }
        return importDocument(document, ticker, name);
    }

    /** Imports every EDGAR JSON document and company list (CSV) under a path; the ticker map first. */
    @Transactional
    public List<ImportResult> importPath(Path path) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".csv"))
                    .sorted((a, b) -> Boolean.compare(
                            !a.getFileName().toString().contains("tickers"),
                            !b.getFileName().toString().contains("tickers")))
                    .toList();
        }
        List<ImportResult> results = new ArrayList<>();
        for (Path file : files) {
            if (file.toString().endsWith(".csv")) {
                if (CompanyList.looksLikeCompanyList(file)) {
                    results.add(importCompanyList(file));
                }
                continue;
            }
            results.add(importDocument(
                    json.readTree(file.toFile()), null, file.getFileName().toString()));
        }
        return results;
    }

    ImportResult importDocument(JsonNode document, String ticker, String source) {
        if (TickerDirectory.isTickerMap(document)) {
            int loaded = tickers.load(document);
            return new ImportResult(
                    source, null, null, null, "SEC ticker map", 0, 0, 0, List.of("Loaded " + loaded + " tickers"), 0);
        }
        if (document.has("facts")) {
            return importCompanyFacts(document, ticker, source);
        }
        if (document.has("filings") && document.has("cik")) {
            return importSubmissions(document, source);
        }
        throw InvalidInput.of("file", "is neither an EDGAR companyfacts, submissions nor ticker-map document");
    }

    /** A submissions document: the company's profile and its filings of the forms Covenant keeps. */
    ImportResult importSubmissions(JsonNode document, String source) {
        String cik10 = cik10(document.path("cik").asString());
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
    ImportResult importCompanyFacts(JsonNode document, String ticker, String source) {
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
    ImportResult importCompanyList(Path file) throws IOException {
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

    static String cik10(String cik) {
        String digits = cik.replaceAll("\\D", "");
        if (digits.isEmpty() || digits.length() > 10) {
            throw InvalidInput.of("cik", "must be up to 10 digits");
        }
        return "%010d".formatted(Long.parseLong(digits));
    }

    private static String shortExchange(String exchange) {
        return exchange == null ? null : exchange.length() > 10 ? exchange.substring(0, 10) : exchange;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void requireImporter(Caller caller, boolean file) {
        if (file && !caller.isSuperAdmin()) {
            // An uploaded document becomes shared data for everyone, so only a super_admin may vouch for it.
            throw new Forbidden("Only a super_admin imports EDGAR files; others import online by ticker or CIK");
        }
        if (!caller.can(Permission.COMPANIES_WRITE)) {
            throw new Forbidden("This needs the permission companies:write");
        }
    }
}
