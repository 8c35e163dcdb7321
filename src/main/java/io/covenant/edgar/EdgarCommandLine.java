package io.covenant.edgar;

import io.covenant.shared.cli.CommandLineTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --import-edgar=<dir or file>} imports local EDGAR documents and company lists, prints what it did and
 * exits; the service does not keep running.
 */
@Component
class EdgarCommandLine extends CommandLineTask {

    private static final Logger log = LoggerFactory.getLogger(EdgarCommandLine.class);

    EdgarCommandLine(EdgarImporter importer, ApplicationContext context) {
        super("import-edgar", context, paths -> importAll(importer, paths));
    }

    /** Imports every path; one that fails is logged and makes the status 1, the others still run. */
    private static int importAll(EdgarImporter importer, List<String> paths) throws IOException {
        int status = 0;
        for (String path : paths) {
            try {
                for (ImportResult result : importer.importPath(Path.of(path))) {
                    log.info(
                            "Imported {}: {} {} ({}) filings={} metrics={} ratios={} notes={}",
                            result.source(),
                            result.symbol(),
                            result.name(),
                            result.cik(),
                            result.filings(),
                            result.metrics(),
                            result.ratios(),
                            result.notes().size() + result.notesOmitted());
                }
            } catch (RuntimeException ex) {
                log.error("Import of {} failed: {}", path, ex.getMessage());
                status = 1;
            }
        }
        return status;
    }
}
