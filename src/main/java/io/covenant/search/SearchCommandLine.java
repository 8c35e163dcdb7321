package io.covenant.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** {@code --rebuild-search-index} recreates the Lucene index from PostgreSQL and exits. */
@Component
class SearchCommandLine implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchCommandLine.class);

    private final SearchIndex index;

    private final ApplicationContext context;

    SearchCommandLine(SearchIndex index, ApplicationContext context) {
        this.index = index;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption("rebuild-search-index")) {
            return;
        }
        int status = 0;
        try {
            index.rebuild();
        } catch (RuntimeException ex) {
            log.error("Rebuilding the search index failed: {}", ex.getMessage());
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
