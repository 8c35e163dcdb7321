package io.covenant.search;

import io.covenant.shared.cli.CommandLineTask;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** {@code --rebuild-search-index} recreates the Lucene index from PostgreSQL and exits. */
@Component
class SearchCommandLine extends CommandLineTask {

    SearchCommandLine(SearchIndex index, ApplicationContext context) {
        super("rebuild-search-index", context, values -> {
            index.rebuild();
            return 0;
        });
    }
}
