package io.covenant.edgar;

import io.covenant.shared.error.Forbidden;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports EDGAR documents as system companies with their filings, metrics and ratios. Each document is imported in
 * one transaction, and importing it again changes nothing.
 */
@Service
@RequiredArgsConstructor
public class EdgarImporter {

    private final EdgarDocuments documents;

    private final EdgarWriter writer;

    /** Fetches a company's submissions and XBRL facts from EDGAR by ticker or CIK. */
    @Transactional
    public List<ImportResult> importOnline(Caller caller, String ticker, String cik) {
        requireImporter(caller, false);
        String cik10 = documents.cik10(ticker, cik);
        List<ImportResult> results = new ArrayList<>();
        results.add(writer.submissions(documents.submissions(cik10), "edgar:submissions"));
        results.add(writer.companyFacts(documents.companyFacts(cik10), null, "edgar:companyfacts"));
        return results;
    }

    /** Imports an uploaded EDGAR document (companyfacts, submissions or the ticker map). */
    @Transactional
    public ImportResult importDocument(Caller caller, byte[] content, String ticker, String name) {
        requireImporter(caller, true);
        return writer.write(documents.parse(content), ticker, name);
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
                    results.add(writer.companyList(file));
                }
                continue;
            }
            results.add(
                    writer.write(documents.read(file), null, file.getFileName().toString()));
        }
        return results;
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
