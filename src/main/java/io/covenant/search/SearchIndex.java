package io.covenant.search;

import io.covenant.shared.concurrent.DaemonThreads;
import io.covenant.shared.concurrent.Signal;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chunks in Lucene on disk beside the data: their embeddings in an HNSW vector index, and the lexemes of their
 * PostgreSQL {@code tsvector} at PostgreSQL's positions, which answer keyword queries with PostgreSQL's matching and
 * ranking (see {@link KeywordRanking}). It follows PostgreSQL through the outbox, a change log that every node's
 * index reads from its own position: a transaction-id watermark (a snapshot's xmin), so that a row whose id was drawn
 * before a commit that lands later is still read. The position is committed with the index and reported to the
 * database, which prunes the log below every live node's position (applying a row twice is harmless: a document is
 * indexed as the database has it). An index that is missing, of an older format, or built from another
 * database is rebuilt from the chunks, their vectors and embeddings; PostgreSQL stays the source of truth.
 */
@Component
@RequiredArgsConstructor
class SearchIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    static final String VECTOR = "vector";

    /** Best score first; ties by chunk id. */
    static final Comparator<DocumentRepository.Ranked> RANKING = Comparator.comparingDouble(
                    DocumentRepository.Ranked::score)
            .reversed()
            .thenComparing(DocumentRepository.Ranked::chunkId);

    /** How many candidates the HNSW search explores at least: recall@10 against exact search is >= 0.95 with 100. */
    static final int CANDIDATES = 100;

    private static final String DATABASE = "database_id";

    /** What the index holds; an index of another format is rebuilt. 2: the chunks' lexemes and ids as doc values. */
    private static final String FORMAT = "format";

    private static final String CURRENT_FORMAT = "3";

    /** This index's position in the change log, and the node it belongs to. 3: with them. */
    private static final String POSITION = "log_position";

    private static final String NODE = "node_id";

    /** How often an idle node tells the database it is alive, so that the log is pruned for it. */
    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** PostgreSQL's lexemes at their positions; no norms, ts_rank reads the vector's length from its own field. */
    private static final FieldType LEXEME_FIELD = new FieldType();

    static {
        LEXEME_FIELD.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        LEXEME_FIELD.setTokenized(true);
        LEXEME_FIELD.setOmitNorms(true);
        LEXEME_FIELD.freeze();
    }

    private final DocumentRepository repository;

    private final SearchProperties properties;

    private final TransactionTemplate transaction;

    private final Signal signal = new Signal();

    /** Searches the segments of the index side by side. */
    private final ExecutorService segments =
            DaemonThreads.pool("search-segments", Runtime.getRuntime().availableProcessors());

    /** Merges the vector graph of segments, one thread per core. */
    private final ExecutorService merges =
            DaemonThreads.pool("search-merges", Runtime.getRuntime().availableProcessors());

    private volatile boolean running;

    private volatile boolean ready;

    /** Where the index stands in the change log; read by searches to know whether it is behind. */
    private volatile LogState state;

    private String node;

    private long reported;

    private IndexWriter writer;

    private SearcherManager searchers;

    private Thread thread;

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            Files.createDirectories(properties.indexDirectory());
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(256)
                    .setCodec(codec());
            writer = new IndexWriter(FSDirectory.open(properties.indexDirectory()), config);
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return new IndexSearcher(reader, segments);
                }
            });
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot open the search index in " + properties.indexDirectory(), ex);
        }
        running = true;
        ready = false;
        thread = new Thread(this::loop, "search-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lucene's defaults (M=16, beam 100), with merges of the vector graph on one thread per core. */
    private Codec codec() {
        int threads = Runtime.getRuntime().availableProcessors();
        KnnVectorsFormat vectors = threads > 1
                ? new Lucene99HnswVectorsFormat(16, 100, threads, merges)
                : new Lucene99HnswVectorsFormat(16, 100);
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    /** Outbox rows may be waiting: apply them now instead of at the next poll. */
    void wake() {
        signal.wake();
    }

    /** Whether the index has caught up with the database as of the last look. */
    boolean ready() {
        return ready;
    }

    DocumentRepository repository() {
        return repository;
    }

    /** The index's position in the change log and the rows at or after it already applied. */
    LogState state() {
        return state;
    }

    /** The id under which this node reports its position in the change log. */
    String node() {
        return node;
    }

    private void loop() {
        try {
            Map<String, String> committed = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
            String database = repository.databaseId().toString();
            node = committed.getOrDefault(NODE, UUID.randomUUID().toString());
            if (!database.equals(committed.get(DATABASE))
                    || !CURRENT_FORMAT.equals(committed.get(FORMAT))
                    || committed.get(POSITION) == null) {
                rebuild();
            } else {
                state = new LogState(committed.get(POSITION), Set.of());
            }
        } catch (RuntimeException | IOException ex) {
            log.error("The search index could not be opened or rebuilt", ex);
        }
        while (running) {
            try {
                if (!applyLog()) {
                    ready = true;
                    if (!signal.await(properties.pollInterval())) {
                        return;
                    }
                }
            } catch (RuntimeException | IOException ex) {
                if (running) {
                    log.warn("The search index could not apply the outbox: {}", ex.toString());
                    signal.await(properties.pollInterval());
                }
            }
        }
    }

    /** Recreates the index from every live chunk in PostgreSQL; outbox rows up to now are then already in it. */
    synchronized void rebuild() throws IOException {
        ready = false;
        long started = System.nanoTime();
        // Changes committed before the chunks are read are in the rebuild; any committed later have a transaction id
        // at or after this position and are applied after it.
        String position = repository.logPosition();
        writer.deleteAll();
        AtomicLong count = new AtomicLong();
        // Building the HNSW graph is the cost: one indexing thread per core, each filling a segment of its own.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 256);
        try {
            transaction.executeWithoutResult(status -> repository.indexable(null, chunk -> {
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        add(chunk);
                        count.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }));
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        // One segment: a search explores one graph instead of one per indexing thread (each with all candidates).
        writer.forceMerge(1);
        commit(new LogState(position, Set.of()));
        log.info(
                "Rebuilt the search index: {} chunks in {} ms", count.get(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Applies the log rows this index has not applied yet; false when there were none. */
    private synchronized boolean applyLog() throws IOException {
        DocumentRepository.LogRead read = repository.changesSince(state.position());
        if (read.pruned()) {
            log.warn("The search log was pruned past this index's position; rebuilding");
            rebuild();
            return true;
        }
        Set<UUID> touched = new LinkedHashSet<>();
        for (DocumentRepository.Outbox row : read.rows()) {
            if (!state.applied().contains(row.id())) {
                touched.add(row.documentId());
            }
        }
        // The rows read stay "applied" while they are at or after the position: a long transaction holds it back.
        LogState next = new LogState(
                read.next(),
                read.rows().stream().map(DocumentRepository.Outbox::id).collect(Collectors.toSet()));
        if (touched.isEmpty()) {
            state = next;
            if (System.nanoTime() - reported > REPORT_EVERY_NANOS) {
                report();
            }
            return false;
        }
        for (UUID document : touched) {
            writer.deleteDocuments(new Term("document_id", document.toString()));
        }
        // Whatever the operations said, a document is indexed as the database has it now: live chunks, or none.
        transaction.executeWithoutResult(status -> repository.indexable(touched, this::add));
        commit(next);
        return true;
    }

    /** Tells the database where this index stands, so that it prunes the log below every node's position. */
    private void report() {
        int pruned = repository.reportPosition(node, state.position());
        reported = System.nanoTime();
        if (pruned > 0) {
            log.debug("Pruned {} search log rows every node has applied", pruned);
        }
    }

    private void add(DocumentRepository.IndexedChunk chunk) {
        Document doc = new Document();
        doc.add(new StringField("chunk_id", chunk.chunkId().toString(), Field.Store.YES));
        doc.add(new StringField("document_id", chunk.documentId().toString(), Field.Store.NO));
        doc.add(new StringField("access", chunk.accessLevel(), Field.Store.NO));
        doc.add(new StringField("owner", chunk.createdBy().toString(), Field.Store.NO));
        if (chunk.organizationId() != null) {
            doc.add(new StringField("org", chunk.organizationId().toString(), Field.Store.NO));
        }
        if (chunk.companyId() != null) {
            doc.add(new StringField("company", chunk.companyId().toString(), Field.Store.NO));
        }
        if (chunk.form() != null) {
            doc.add(new StringField("form", chunk.form(), Field.Store.NO));
        }
        if (chunk.item() != null) {
            doc.add(new StringField("item", chunk.item(), Field.Store.NO));
        }
        if (chunk.section() != null) {
            doc.add(new StringField("section", chunk.section().toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        if (chunk.date() != null) {
            doc.add(new LongPoint("date", chunk.date().toEpochDay()));
        }
        doc.add(new NumericDocValuesField(
                KeywordRanking.ID_HIGH, chunk.chunkId().getMostSignificantBits()));
        doc.add(new NumericDocValuesField(KeywordRanking.ID_LOW, chunk.chunkId().getLeastSignificantBits()));
        TsVector lexemes = TsVector.parse(chunk.tsvector());
        doc.add(new Field(KeywordRanking.LEXEMES, lexemes.tokens(), LEXEME_FIELD));
        doc.add(new NumericDocValuesField(KeywordRanking.LENGTH, lexemes.length()));
        if (chunk.vector() != null) {
            doc.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        try {
            writer.addDocument(doc);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void commit(LogState state) throws IOException {
        writer.setLiveCommitData(Map.of(
                        DATABASE,
                        repository.databaseId().toString(),
                        FORMAT,
                        CURRENT_FORMAT,
                        POSITION,
                        state.position(),
                        NODE,
                        node)
                .entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
        this.state = state;
        report();
    }

    /** The {@code k} nearest chunks to the vector among those the filter admits: chunk id and cosine similarity. */
    List<DocumentRepository.Ranked> nearest(float[] vector, int k, Query filter) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int candidates = Math.max(k, CANDIDATES);
                TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, candidates, filter), candidates);
                // Only the k best and any tied with the k-th are read back: reading a stored field costs more
                // than comparing scores, and the candidates are many more than k.
                ScoreDoc[] hits = top.scoreDocs;
                int keep = Math.min(k, hits.length);
                while (keep > 0 && keep < hits.length && hits[keep].score == hits[keep - 1].score) {
                    keep++;
                }
                List<DocumentRepository.Ranked> ranked = new ArrayList<>(keep);
                var fields = searcher.storedFields();
                for (ScoreDoc hit : Arrays.copyOf(hits, keep)) {
                    String id = fields.document(hit.doc, Set.of("chunk_id")).get("chunk_id");
                    // Lucene scores a dot product of unit vectors as (1 + cosine) / 2.
                    ranked.add(new DocumentRepository.Ranked(UUID.fromString(id), 2 * hit.score - 1));
                }
                // Equal scores (the same passage in two documents) are ordered by chunk, not by Lucene's document
                // numbers, which a rebuild changes: the same index content answers the same.
                ranked.sort(RANKING);
                ranked = List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
                return ranked;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The {@code k} best chunks for a keyword query among those the filter admits, by ts_rank and then chunk id, as
     * PostgreSQL would rank them over the same vectors.
     */
    List<DocumentRepository.Ranked> keyword(TsQuery.Node query, Query matching, Query filter, int k) {
        Query q = filter == null
                ? matching
                : new BooleanQuery.Builder()
                        .add(matching, Occur.FILTER)
                        .add(filter, Occur.FILTER)
                        .build();
        KeywordRanking ranking = new KeywordRanking(TsQuery.lexemes(query), TsQuery.conjunctive(query), k);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                searcher.search(q, ranking);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return ranking.top();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        // Not an interrupt: one that lands in Lucene's file I/O closes the channel and breaks the writer.
        signal.wake();
        try {
            thread.join(30_000);
            searchers.close();
            writer.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** After the lifecycle stop has closed the writer, so no merge or search still needs a thread. */
    @PreDestroy
    void close() {
        segments.shutdownNow();
        merges.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * A position in the change log and the ids of the rows at or after it that are already in the index.
     *
     * @param position a transaction-id watermark ({@code xid8} as text)
     */
    record LogState(String position, Set<Long> applied) {}
}
