package io.covenant.search;

import io.covenant.shared.cli.CommandLineTask;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** {@code --rebuild-search-index} recreates the Lucene index from PostgreSQL and exits. */
@Component
class SearchCommandLine extends CommandLineTask {

    private static final Logger log = LoggerFactory.getLogger(SearchCommandLine.class);

    private final SearchIndex index;

    SearchCommandLine(SearchIndex index, ApplicationContext context) {
        super("rebuild-search-index", context);
        this.index = index;
    }

    @Override
    protected int execute(List<String> values) throws IOException {
        try {
            index.rebuild();
            return 0;
        } catch (RuntimeException ex) {
            log.error("Rebuilding the search index failed: {}", ex.getMessage());
            return 1;
        }
    }
}
