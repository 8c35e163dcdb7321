package io.covenant.bench;

import io.covenant.CovenantApplication;
import io.covenant.company.Companies;
import io.covenant.search.SearchCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds the load harness's data set ({@code bench/load.sh}) in a data directory the packaged service then starts
 * on: the benchmarks' 1,000 companies with 1,000,000 metric rows and 40,000 filings, 99,000 more companies (60%
 * system, 20% the load user's organisation, 20% another's), the search corpus, its search index, and the load user,
 * an org_admin. The harness empties the directory first (the embedded server's own clean option would delete it
 * again when the context closes). Not a test: run by the harness with
 * {@code ./mvnw -Pbench test -Dtest=LoadDataPreparation -Dload.dir=target/load/data -Dload.chunks=200000}.
 */
@SpringBootTest(
        classes = CovenantApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "covenant.database.embedded.data-directory=${load.dir:target/load/data}/postgres",
            "covenant.search.index-directory=${load.dir:target/load/data}/search-index",
            "covenant.upload.runner=false",
            // Bulk generation runs past the service's 60 s statement timeout on a busy machine.
            "spring.datasource.hikari.data-source-properties.options=-c jit=off -c statement_timeout=0"
        })
class LoadDataPreparation {

    static final String EMAIL = "load@covenant.example";

    static final String PASSWORD = "load harness password 0123456789";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void preparesTheLoadDataSet() throws Exception {
        int chunks = Integer.getInteger("load.chunks", 200_000);
        int bases = Integer.getInteger("load.bases", 1_000);
        long t0 = System.nanoTime();
        BenchData.timeSeries(jdbc, 1_000, 1_000);
        double seriesSeconds = (System.nanoTime() - t0) / 1e9;
        UUID orgA = jdbc.sql("INSERT INTO organizations (name) VALUES ('Load harness A') RETURNING id")
                .query(UUID.class)
                .single();
        UUID orgB = jdbc.sql("INSERT INTO organizations (name) VALUES ('Load harness B') RETURNING id")
                .query(UUID.class)
                .single();
        UUID user = jdbc.sql("""
				INSERT INTO users (email, password_hash, role, organization_id, is_verified)
				VALUES (:email, :hash, 'org_admin', :org, TRUE) RETURNING id""")
                .param("email", EMAIL)
                .param("hash", passwords.encode(PASSWORD))
                .param("org", orgA)
                .query(UUID.class)
                .single();
        long t1 = System.nanoTime();
        jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, subsector, country, exchange, market_cap, founded_year,
				  description, access_level, organization_id, created_by)
				SELECT 'LC' || n, 'Load Company ' || n, 'Sector ' || (n % 20), 'Sub ' || (n % 7),
				       (ARRAY['USA', 'GBR', 'DEU', 'JPN', 'CAN'])[1 + n % 5], (ARRAY['NYSE', 'NASDAQ', 'LSE'])[1 + n % 3],
				       1000000 + (n * 7919 % 1000000)::bigint * 1000, 1900 + n % 120,
				       'A generated company making products in sector ' || (n % 20),
				       CASE WHEN n % 10 < 6 THEN 'system' ELSE 'organization' END,
				       CASE WHEN n % 10 < 6 THEN NULL WHEN n % 10 < 8 THEN CAST(:a AS uuid) ELSE CAST(:b AS uuid) END,
				       CASE WHEN n % 10 IN (6, 7) THEN CAST(:user AS uuid) ELSE CAST(:system AS uuid) END
				FROM generate_series(1, 99000) n""")
                .param("a", orgA.toString())
                .param("b", orgB.toString())
                .param("user", user.toString())
                .param("system", Companies.SYSTEM_USER.toString())
                .update();
        jdbc.sql("ANALYZE companies").update();
        double companySeconds = (System.nanoTime() - t1) / 1e9;
        UUID company = jdbc.sql("SELECT id FROM companies WHERE symbol = 'BM0'")
                .query(UUID.class)
                .single();
        SearchCorpus.Generated corpus =
                SearchCorpus.generate(context, company, orgA, orgB, chunks, bases, new Random(42));
        double indexSeconds = SearchCorpus.rebuildIndex(context);
        String summary = """
				email=%s
				password=%s
				metric_rows=%d
				companies=%d
				chunks=%d
				embedding_bases=%d
				series_seconds=%.1f
				companies_seconds=%.1f
				embed_seconds=%.1f
				chunk_load_seconds=%.1f
				index_seconds=%.1f
				""".formatted(
                EMAIL,
                PASSWORD,
                jdbc.sql("SELECT count(*) FROM financial_metrics")
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT count(*) FROM companies").query(Long.class).single(),
                chunks,
                bases,
                seriesSeconds,
                companySeconds,
                corpus.embedSeconds(),
                corpus.loadSeconds(),
                indexSeconds);
        Path out = Path.of(System.getProperty("load.dir", "target/load/data"), "dataset.properties");
        Files.writeString(out, summary);
        Files.write(out.resolveSibling("queries.txt"), SearchCorpus.QUERIES);
        LoggerFactory.getLogger(LoadDataPreparation.class).warn("Load data set ready:\n{}", summary);
    }
}
