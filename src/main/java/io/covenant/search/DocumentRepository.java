package io.covenant.search;

import io.covenant.shared.jdbc.Filters;
import io.covenant.shared.jdbc.OwnedTable;
import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.AccessSql;
import io.covenant.shared.security.Caller;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for documents, their chunks and the search outbox. Reads for a caller filter by the document's access in the
 * query itself; the indexer reads with the owner's rights.
 */
@Repository
class DocumentRepository {

    private static final String DOCUMENT_COLUMNS = """
			d.id, d.title, d.document_type, d.mime_type, d.company_id, d.filing_id, d.metadata->>'form' AS form,
			d.document_date, d.content_hash, length(d.content) AS characters, d.metadata::text AS metadata,
			d.embedding_model, d.access_level, d.organization_id, d.created_by, d.created_at""";

    /** A search's optional conditions, over the {@link SearchFilter}'s components. */
    private static final List<String> FILTERS = List.of(
            "d.company_id = :companyId",
            "d.metadata->>'form' = :form",
            "ch.metadata->>'item' = :item",
            "lower(ch.section) = :section",
            "d.document_date >= :from",
            "d.document_date <= :to");

    /** The document list's optional condition. */
    private static final List<String> LIST_FILTERS = List.of("d.company_id = :companyId");

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;

    private final JdbcTemplate streaming;

    private final JsonMapper json;

    private final OwnedTable<DocumentView> table;

    DocumentRepository(JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
        this.json = json;
        this.table = new OwnedTable<>(jdbc, "documents", "d", DOCUMENT_COLUMNS, this::document);
    }

    Optional<DocumentView> findSame(UUID companyId, String hash, AccessLevel level, UUID organizationId, UUID userId) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + """
				 FROM documents d
				WHERE d.content_hash = :hash AND d.deleted_at IS NULL AND d.access_level = :level
				  AND d.company_id IS NOT DISTINCT FROM CAST(:company AS uuid)
				  AND (d.access_level <> 'organization' OR d.organization_id = :org)
				  AND (d.access_level <> 'personal' OR d.created_by = :user)""")
                .param("hash", hash)
                .param("level", level.value())
                .param("company", companyId, Types.OTHER)
                .param("org", organizationId, Types.OTHER)
                .param("user", userId)
                .query(this::document)
                .optional();
    }

    UUID insert(NewDocument d) {
        return jdbc.sql("""
				INSERT INTO documents (company_id, filing_id, title, document_type, mime_type, source_url, content,
				  content_hash, document_date, metadata, embedding, embedding_model, organization_id, access_level,
				  created_by)
				VALUES (:companyId, :filingId, :title, :documentType, :mimeType, :sourceUrl, :content, :contentHash,
				  :documentDate, CAST(:metadata AS jsonb), CAST(:embedding AS real[]), :model, :organizationId, :level,
				  :createdBy)
				RETURNING id""")
                .params(Rows.params(d))
                .param("metadata", json.writeValueAsString(d.metadata()))
                .param("embedding", literal(d.embedding()))
                .param("model", Embedder.MODEL)
                .query(UUID.class)
                .single();
    }

    /** All chunks of a document in one statement. */
    void insertChunks(UUID documentId, List<Chunker.Chunk> chunks, List<float[]> vectors) {
        int n = chunks.size();
        Integer[] index = new Integer[n];
        String[] content = new String[n];
        String[] section = new String[n];
        Integer[] start = new Integer[n];
        Integer[] end = new Integer[n];
        Integer[] tokens = new Integer[n];
        String[] embedding = new String[n];
        String[] metadata = new String[n];
        for (int i = 0; i < n; i++) {
            Chunker.Chunk c = chunks.get(i);
            index[i] = c.index();
            content[i] = c.content();
            section[i] = c.section() == null ? null : truncate(c.section().title(), 200);
            start[i] = c.start();
            end[i] = c.end();
            tokens[i] = c.tokenCount();
            embedding[i] = literal(vectors.get(i));
            Map<String, Object> meta = new HashMap<>();
            if (c.section() != null && c.section().item() != null) {
                meta.put("item", c.section().item());
            }
            if (c.section() != null && c.section().part() != null) {
                meta.put("part", c.section().part());
            }
            metadata[i] = json.writeValueAsString(meta);
        }
        jdbc.sql("""
				INSERT INTO document_chunks (document_id, chunk_index, content, section, start_offset, end_offset,
				  token_count, embedding, metadata)
				SELECT :document, u.i, u.c, u.s, u.b, u.e, u.t, CAST(u.v AS real[]), CAST(u.m AS jsonb)
				FROM unnest(CAST(:index AS int[]), CAST(:content AS text[]), CAST(:section AS text[]),
				  CAST(:start AS int[]), CAST(:end AS int[]), CAST(:tokens AS int[]), CAST(:vectors AS text[]),
				  CAST(:metadata AS text[])) AS u(i, c, s, b, e, t, v, m)""")
                .param("document", documentId)
                .param("index", index)
                .param("content", content)
                .param("section", section)
                .param("start", start)
                .param("end", end)
                .param("tokens", tokens)
                .param("vectors", embedding)
                .param("metadata", metadata)
                .update();
    }

    void outbox(UUID documentId, String operation) {
        jdbc.sql("INSERT INTO search_index_outbox (document_id, operation) VALUES (:id, :op)")
                .param("id", documentId)
                .param("op", operation)
                .update();
    }

    Optional<DocumentView> findVisible(UUID id, Caller caller) {
        return table.findVisible(caller, id);
    }

    /** A chunk of a visible, live document, with the numbers of the chunks either side. */
    Optional<Passage> passage(UUID documentId, int chunkIndex, Caller caller) {
        return AccessSql.bind(jdbc.sql("""
				SELECT d.id, d.title, ch.chunk_index, ch.section, ch.content, ch.start_offset, ch.end_offset,
				  (SELECT max(p.chunk_index) FROM document_chunks p
				   WHERE p.document_id = d.id AND p.chunk_index < ch.chunk_index) AS previous,
				  (SELECT min(n.chunk_index) FROM document_chunks n
				   WHERE n.document_id = d.id AND n.chunk_index > ch.chunk_index) AS next
				FROM documents d JOIN document_chunks ch ON ch.document_id = d.id AND ch.chunk_index = :index
				WHERE d.id = :id AND d.deleted_at IS NULL AND """ + AccessSql.visible("d")), caller)
                .param("id", documentId)
                .param("index", chunkIndex)
                .query((rs, n) -> new Passage(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getObject(8, Integer.class),
                        rs.getObject(9, Integer.class)))
                .optional();
    }

    /** A newest-first page of the live documents the caller sees, of one company when given; see OwnedTable.page. */
    List<DocumentView> list(Caller caller, UUID companyId, Cursor after, int limit) {
        return table.page(caller, LIST_FILTERS, Collections.singletonMap("companyId", companyId), after, limit);
    }

    void update(
            UUID id,
            String title,
            String documentType,
            String form,
            LocalDate date,
            AccessLevel level,
            UUID organizationId) {
        jdbc.sql("""
				UPDATE documents SET title = coalesce(:title, title), document_type = coalesce(:type, document_type),
				  metadata = CASE WHEN CAST(:form AS text) IS NULL THEN metadata
				                  ELSE jsonb_set(metadata, '{form}', to_jsonb(CAST(:form AS text))) END,
				  document_date = coalesce(:date, document_date), access_level = :level, organization_id = :org
				WHERE id = :id""")
                .param("id", id)
                .param("title", title, Types.VARCHAR)
                .param("type", documentType, Types.VARCHAR)
                .param("form", form, Types.VARCHAR)
                .param("date", date, Types.DATE)
                .param("level", level.value())
                .param("org", organizationId, Types.OTHER)
                .update();
    }

    void softDelete(UUID id) {
        table.softDelete(id);
    }

    // --- keyword search and the hits of any mode ---

    List<Ranked> keyword(String query, SearchFilter f, Caller caller, int k) {
        Map<String, Object> params = Rows.params(f);
        return AccessSql.bind(
                        jdbc.sql("""
				SELECT ch.id, ts_rank(ch.content_tsv, q.query, 1 | 32) AS score
				FROM websearch_to_tsquery('english', :q) AS q(query),
				     document_chunks ch JOIN documents d ON d.id = ch.document_id
				WHERE ch.content_tsv @@ q.query AND d.deleted_at IS NULL AND """ + AccessSql.visible("d")
                                + Filters.and(params, FILTERS) + "\nORDER BY score DESC, ch.id LIMIT :k"),
                        caller)
                .params(params)
                .param("q", query)
                .param("k", k)
                .query((rs, i) -> Ranked.of(rs.getObject(1, UUID.class), rs.getFloat(2)))
                .list();
    }

    /** PostgreSQL's parse of a keyword query, and whether the search index has changes yet to apply. */
    ParsedQuery parse(String query, String position, Collection<Long> applied) {
        return jdbc.sql("""
				SELECT websearch_to_tsquery('english', :q)::text,
				       EXISTS (SELECT 1 FROM search_index_outbox
				               WHERE tx >= CAST(:position AS xid8) AND NOT (id = ANY(:applied)))""")
                .param("q", query)
                .param("position", position)
                .param("applied", applied.toArray(Long[]::new))
                .query((rs, i) -> new ParsedQuery(rs.getString(1), rs.getBoolean(2)))
                .single();
    }

    /** The visible, live chunks among these, with their document and a snippet highlighting the query's words. */
    Map<UUID, SearchHit> hits(Collection<UUID> chunkIds, String query, Caller caller) {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        // The query's lexemes are PostgreSQL's own parse of it; the snippet is cut in Java (ts_headline cost about
        // 0.3 ms a chunk).
        Map<UUID, SearchHit> hits = new HashMap<>();
        AccessSql.bind(jdbc.sql("""
				SELECT ch.id, ch.document_id, d.title, d.company_id, c.symbol, c.name, d.metadata->>'form' AS form,
				  d.document_date, ch.section, ch.chunk_index, ch.content, q.lexemes
				FROM (SELECT array_agg(m[1]) AS lexemes
				      FROM regexp_matches(websearch_to_tsquery('english', :q)::text, '''([^'']+)''', 'g') m) q,
				     document_chunks ch JOIN documents d ON d.id = ch.document_id
				LEFT JOIN companies c ON c.id = d.company_id
				WHERE ch.id = ANY(:ids) AND d.deleted_at IS NULL AND """ + AccessSql.visible("d")), caller)
                .param("ids", chunkIds.toArray(UUID[]::new))
                .param("q", query)
                .query((rs, i) -> new SearchHit(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getString(9),
                        rs.getInt(10),
                        0,
                        null,
                        null,
                        Snippets.of(rs.getString(11), lexemes(rs.getArray(12)))))
                .list()
                .forEach(h -> hits.put(h.chunkId(), h));
        return hits;
    }

    private static Set<String> lexemes(Array array) throws SQLException {
        // A query may repeat a word ("risk and risk"): its lexeme then comes twice.
        return array == null ? Set.of() : Set.copyOf(List.of((String[]) array.getArray()));
    }

    // --- the indexer's side (owner rights) ---

    UUID databaseId() {
        return jdbc.sql("SELECT database_id FROM search_index_identity")
                .query(UUID.class)
                .single();
    }

    /**
     * A position to start from: the xmin of a snapshot taken now. Every transaction not yet visible has an id at
     * least this, so the rows it writes are read from this position on, whatever their outbox ids.
     */
    String logPosition() {
        return jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
                .query(String.class)
                .single();
    }

    /**
     * The log rows at or after a position, in one snapshot with the position to continue from (that snapshot's xmin),
     * and whether the log was pruned past the position (the index must then be rebuilt).
     */
    LogRead changesSince(String position) {
        List<Outbox> rows = new ArrayList<>();
        String[] next = new String[1];
        boolean[] pruned = new boolean[1];
        jdbc.sql("""
				WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin,
				                  (SELECT log_pruned_below FROM search_index_identity) > CAST(:position AS xid8) AS pruned)
				SELECT s.xmin::text, s.pruned, o.id, o.document_id, o.operation
				FROM s LEFT JOIN search_index_outbox o ON o.tx >= CAST(:position AS xid8)
				ORDER BY o.id""").param("position", position).query(rs -> {
            next[0] = rs.getString(1);
            pruned[0] = rs.getBoolean(2);
            if (rs.getObject(3) != null) {
                rows.add(new Outbox(rs.getLong(3), rs.getObject(4, UUID.class), rs.getString(5)));
            }
        });
        return new LogRead(next[0], pruned[0], rows);
    }

    /**
     * Records this node's position, forgets nodes silent for a day, and prunes the log below every remaining node's
     * position; returns the rows pruned.
     */
    int reportPosition(String node, String position) {
        jdbc.sql("""
				INSERT INTO search_index_nodes (node_id, position) VALUES (:node, CAST(:position AS xid8))
				ON CONFLICT (node_id) DO UPDATE SET position = excluded.position, seen_at = CURRENT_TIMESTAMP""").param("node", node).param("position", position).update();
        jdbc.sql("DELETE FROM search_index_nodes WHERE seen_at < CURRENT_TIMESTAMP - INTERVAL '1 day'")
                .update();
        jdbc.sql("""
				UPDATE search_index_identity SET log_pruned_below = (SELECT min(position) FROM search_index_nodes)
				WHERE (SELECT min(position) FROM search_index_nodes) > log_pruned_below""").update();
        return jdbc.sql(
                        "DELETE FROM search_index_outbox WHERE tx < (SELECT log_pruned_below FROM search_index_identity)")
                .update();
    }

    /** Streams the live chunks of these documents (all live documents when null) with what the index needs. */
    void indexable(Collection<UUID> documentIds, Consumer<IndexedChunk> sink) {
        String where = documentIds == null ? "" : " AND d.id = ANY(?)";
        Object[] args = documentIds == null ? new Object[0] : new Object[] {documentIds.toArray(UUID[]::new)};
        streaming.query(
                """
				SELECT ch.id, ch.document_id, d.company_id, d.access_level, d.organization_id, d.created_by,
				  d.metadata->>'form', ch.metadata->>'item', ch.section, d.document_date, ch.embedding,
				  ch.content_tsv::text
				FROM document_chunks ch JOIN documents d ON d.id = ch.document_id
				WHERE d.deleted_at IS NULL""" + where + " ORDER BY d.created_at, d.id, ch.chunk_index",
                rs -> {
                    sink.accept(new IndexedChunk(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class),
                            rs.getString(4),
                            rs.getObject(5, UUID.class),
                            rs.getObject(6, UUID.class),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getObject(10, LocalDate.class),
                            floats(rs.getArray(11)),
                            rs.getString(12)));
                },
                args);
    }

    private static float[] floats(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object values = array.getArray();
        if (values instanceof float[] f) {
            return f;
        }
        Object[] boxed = (Object[]) values;
        float[] out = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            out[i] = ((Number) boxed[i]).floatValue();
        }
        return out;
    }

    private DocumentView document(ResultSet rs, int row) throws SQLException {
        Map<String, Object> metadata = json.readValue(rs.getString("metadata"), MAP);
        @SuppressWarnings("unchecked")
        List<String> sections = (List<String>) metadata.getOrDefault("sections", List.of());
        return new DocumentView(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("document_type"),
                rs.getString("mime_type"),
                rs.getObject("company_id", UUID.class),
                rs.getObject("filing_id", UUID.class),
                rs.getString("form"),
                rs.getObject("document_date", LocalDate.class),
                rs.getString("content_hash"),
                rs.getInt("characters"),
                ((Number) metadata.getOrDefault("chunk_count", 0)).intValue(),
                sections,
                rs.getString("embedding_model"),
                AccessLevel.of(rs.getString("access_level")),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                null);
    }

    static String literal(float[] vector) {
        if (vector == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(vector.length * 11).append('{');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(vector[i]);
        }
        return s.append('}').toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** A chunk and its score in one ranking. */
    record Ranked(UUID chunkId, double score) {

        /** A ts_rank, a float4, as PostgreSQL prints it ({@code 0.0607927}), whichever path computed it. */
        static Ranked of(UUID chunkId, float score) {
            return new Ranked(chunkId, Double.parseDouble(Float.toString(score)));
        }
    }

    /** A keyword query as PostgreSQL parsed it ({@code tsquery} text), and whether the outbox holds changes. */
    record ParsedQuery(String tsquery, boolean indexBehind) {}

    /** Log rows from a position on, the position to continue from, and whether the log was pruned past it. */
    record LogRead(String next, boolean pruned, List<Outbox> rows) {}

    /** A change the index has yet to apply. */
    record Outbox(long id, UUID documentId, String operation) {}

    /** What the search index keeps of a chunk: its filters, its embedding (if any) and its tsvector's text. */
    record IndexedChunk(
            UUID chunkId,
            UUID documentId,
            UUID companyId,
            String accessLevel,
            UUID organizationId,
            UUID createdBy,
            String form,
            String item,
            String section,
            LocalDate date,
            float[] vector,
            String tsvector) {}

    /** A document to store. */
    record NewDocument(
            UUID companyId,
            UUID filingId,
            String title,
            String documentType,
            String mimeType,
            String sourceUrl,
            String content,
            String contentHash,
            LocalDate documentDate,
            Map<String, Object> metadata,
            float[] embedding,
            AccessLevel level,
            UUID organizationId,
            UUID createdBy) {}
}
