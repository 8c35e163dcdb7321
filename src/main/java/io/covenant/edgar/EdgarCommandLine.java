package io.covenant.edgar;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --import-edgar=<dir or file>} imports local EDGAR documents and company lists, prints what it did and
 * exits; the service does not keep running.
 */
@Component
class EdgarCommandLine implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EdgarCommandLine.class);

    private final EdgarImporter importer;

    private final ApplicationContext context;

    EdgarCommandLine(EdgarImporter importer, ApplicationContext context) {
        this.importer = importer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption("import-edgar")) {
            return;
        }
        int status = 0;
        for (String path : args.getOptionValues("import-edgar")) {
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
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
