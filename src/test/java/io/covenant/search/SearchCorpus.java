package io.covenant.search;

import io.covenant.company.Companies;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The search benchmarks' corpus, shared by {@code SearchBenchmark} and the load harness's data set: chunk texts are
 * sentences of Apple's 10-K and 10-Q recombined; the vectors are real MiniLM embeddings of {@code bases} such texts,
 * each spread into near neighbours by Gaussian noise (embedding every chunk would take far too long here). Documents
 * are 40% system, 30% organisation A's, 30% organisation B's, {@value #PER_DOCUMENT} chunks each.
 */
public final class SearchCorpus {

    public static final int PER_DOCUMENT = 500;

    public static final double NOISE = 0.02;

    /** Analyst-style queries over the corpus. */
    public static final List<String> QUERIES = List.of(
            "supply chain concentration risk",
            "foreign currency exchange rate",
            "interest rate risk on investments",
            "dependence on outsourcing partners in Asia",
            "competition in smartphone markets",
            "income tax disputes with the European Commission",
            "cybersecurity incidents and data breaches",
            "gross margin pressure from component costs",
            "share repurchase program",
            "dividends declared per share",
            "legal proceedings antitrust",
            "services revenue growth App Store",
            "research and development expenses",
            "inventory purchase commitments",
            "credit risk of trade receivables",
            "macroeconomic conditions and inflation",
            "climate change natural disasters",
            "tariffs and trade restrictions China",
            "new product introductions and transitions",
            "warranty costs",
            "deferred revenue",
            "term debt and commercial paper",
            "liquidity and capital resources",
            "critical accounting estimates",
            "net sales by geographic segment",
            "employees and human capital",
            "intellectual property patents licensing",
            "privacy laws and regulatory compliance",
            "stock-based compensation expense",
            "leases right-of-use assets",
            "marketable securities fair value",
            "derivative instruments hedging",
            "effective tax rate",
            "Greater China net sales decline",
            "iPhone net sales",
            "Mac and iPad sales",
            "wearables home and accessories",
            "executive officers",
            "disclosure controls and procedures",
            "unresolved staff comments");

    /** What was generated: each chunk's vector and id, whether organisation A may see it, and the timings. */
    public record Generated(
            String[] bases,
            List<float[]> baseVectors,
            float[][] vectors,
            UUID[] chunkIds,
            boolean[] visibleToA,
            double embedSeconds,
            double loadSeconds) {}

    private SearchCorpus() {}

    /** Embeds the bases, COPYs {@code chunks} chunks into PostgreSQL as the owner, then vacuums as autovacuum would. */
    public static Generated generate(
            ApplicationContext context, UUID company, UUID orgA, UUID orgB, int chunks, int bases, Random random)
            throws Exception {
        Embedder embedder = context.getBean(Embedder.class);
        List<String> sentences = sentences();
        String[] texts = new String[bases];
        for (int i = 0; i < bases; i++) {
            texts[i] = text(sentences, random, 4 + random.nextInt(3));
        }
        long t0 = System.nanoTime();
        List<float[]> baseVectors = new ArrayList<>(bases);
        for (int i = 0; i < bases; i += 256) {
            baseVectors.addAll(embedder.embed(Arrays.asList(texts).subList(i, Math.min(bases, i + 256))));
        }
        double embedSeconds = (System.nanoTime() - t0) / 1e9;
        float[][] vectors = new float[chunks][];
        UUID[] chunkIds = new UUID[chunks];
        boolean[] visibleToA = new boolean[chunks];
        long t1 = System.nanoTime();
        DataSource dataSource = context.getBean(DataSource.class);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder documents = new StringBuilder();
            UUID[] documentIds = new UUID[Math.max(1, chunks / PER_DOCUMENT)];
            for (int d = 0; d < documentIds.length; d++) {
                documentIds[d] = UUID.randomUUID();
                int kind = d % 10;
                String level = kind < 4 ? "system" : "organization";
                String org = kind < 4 ? "\\N" : (kind < 7 ? orgA : orgB).toString();
                documents
                        .append(String.join(
                                "\t",
                                documentIds[d].toString(),
                                company.toString(),
                                "Bench filing " + d,
                                "sec_filing",
                                "Benchmark document " + d,
                                Integer.toHexString(d),
                                LocalDate.of(2015, 1, 1).plusDays(d * 7L).toString(),
                                "{\"form\": \"" + (d % 2 == 0 ? "10-K" : "10-Q") + "\"}",
                                level,
                                org,
                                Companies.SYSTEM_USER.toString()))
                        .append('\n');
            }
            copy.copyIn(
                    "COPY documents (id, company_id, title, document_type, content, content_hash, document_date,"
                            + " metadata, access_level, organization_id, created_by) FROM STDIN",
                    new StringReader(documents.toString()));
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < chunks; i++) {
                int b = i % bases;
                vectors[i] = noisy(baseVectors.get(b), random, NOISE);
                chunkIds[i] = UUID.randomUUID();
                int d = Math.min(documentIds.length - 1, i / PER_DOCUMENT);
                visibleToA[i] = d % 10 < 7;
                String content = texts[b] + " " + sentences.get(random.nextInt(sentences.size()));
                rows.append(chunkIds[i])
                        .append('\t')
                        .append(documentIds[d])
                        .append('\t')
                        .append(i % PER_DOCUMENT)
                        .append('\t')
                        .append(content.replace("\\", "\\\\")
                                .replace("\t", " ")
                                .replace("\n", " ")
                                .replace("\r", " "))
                        .append('\t')
                        .append(i % 3 == 0 ? "Item 1A. Risk Factors" : "Item 7. Management's Discussion and Analysis")
                        .append('\t')
                        .append(DocumentRepository.literal(vectors[i]))
                        .append('\n');
                if (rows.length() > 32_000_000 || i == chunks - 1) {
                    copy.copyIn(
                            "COPY document_chunks (id, document_id, chunk_index, content, section, embedding) FROM STDIN",
                            new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
            connection.commit();
        }
        // What autovacuum does after a bulk load: the GIN index's pending entries merged, statistics taken.
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("VACUUM (ANALYZE) documents").update();
        jdbc.sql("VACUUM (ANALYZE) document_chunks").update();
        return new Generated(
                texts, baseVectors, vectors, chunkIds, visibleToA, embedSeconds, (System.nanoTime() - t1) / 1e9);
    }

    /** Rebuilds the search index from PostgreSQL and waits until it answers; returns the seconds it took. */
    public static double rebuildIndex(ApplicationContext context) {
        SearchIndex index = context.getBean(SearchIndex.class);
        index.stop();
        FileSystemUtils.deleteRecursively(
                context.getBean(SearchProperties.class).indexDirectory().toFile());
        long t = System.nanoTime();
        index.start();
        Awaitility.await()
                .atMost(Duration.ofHours(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(index::ready);
        return (System.nanoTime() - t) / 1e9;
    }

    static float[] noisy(float[] base, Random random, double sigma) {
        float[] v = new float[base.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) (base[d] + random.nextGaussian() * sigma);
        }
        return Embedder.unit(v);
    }

    private static String text(List<String> sentences, Random random, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : " ").append(sentences.get(random.nextInt(sentences.size())));
        }
        return s.toString();
    }

    private static List<String> sentences() throws Exception {
        Path sec = Path.of("..", "shared", "data", "sec");
        List<String> out = new ArrayList<>();
        for (String file : List.of("10-K_AAPL_2024-11-01.html", "10-Q_AAPL_2025-08-01.html")) {
            String text = TextExtractor.extract(Files.readString(sec.resolve(file)), true)
                    .text();
            for (String s : text.split("(?<=[.!?])\\s+")) {
                if (s.length() >= 40 && s.length() <= 400) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
