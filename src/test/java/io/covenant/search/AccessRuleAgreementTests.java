package io.covenant.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.AccessSql;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import io.covenant.shared.security.Owned;
import io.covenant.shared.security.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access rule lives in five places: the SQL predicate ({@link AccessSql#visible}) and its index branches
 * ({@link AccessSql#branches}), the row-level security policies, the search index's Lucene filter
 * ({@link Search#luceneFilter}) and the caller's in-memory checks ({@link Caller#maySee}, {@link Caller#mayChange}).
 * For every role, with the row's organisation, another one or none, as the row's creator or not, and for every
 * access level, each of them must give the answer the rule states, on the real database and a real Lucene index.
 */
@ApiTest
class AccessRuleAgreementTests {

    @Autowired
    Fixtures fixtures;

    record Row(UUID id, AccessLevel accessLevel, UUID organizationId, UUID createdBy) implements Owned {}

    @Test
    void everyPlaceThatHoldsTheAccessRuleGivesTheSameAnswerForEveryRoleAndLevel() throws IOException {
        UUID tenant = fixtures.tenant();
        UUID rowOrg = fixtures.organization(tenant);
        UUID otherOrg = fixtures.organization(tenant);
        UUID creator = fixtures.person(Role.ORG_MEMBER, rowOrg, tenant).id();
        List<Row> rows = new ArrayList<>();
        for (AccessLevel level : AccessLevel.values()) {
            UUID org = level == AccessLevel.ORGANIZATION ? rowOrg : null;
            UUID id = fixtures.jdbc()
                    .sql("""
							INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
							VALUES (:symbol, 'Access rule', 'Tech', :level, :org, :by) RETURNING id""")
                    .param("symbol", "AR" + Fixtures.unique(8))
                    .param("level", level.value())
                    .param("org", org)
                    .param("by", creator)
                    .query(UUID.class)
                    .single();
            rows.add(new Row(id, level, org, creator));
        }
        try (Directory index = index(rows)) {
            int checked = 0;
            for (Role role : Role.values()) {
                for (UUID org : new UUID[] {rowOrg, otherOrg, null}) {
                    for (boolean isCreator : new boolean[] {true, false}) {
                        UUID user = isCreator ? creator : UUID.randomUUID();
                        Caller caller = new Caller(user, org, tenant, role, Set.of(), false);
                        Set<UUID> expected = new HashSet<>();
                        for (Row row : rows) {
                            boolean sees = seesByTheRule(caller, row);
                            if (sees) {
                                expected.add(row.id());
                            }
                            String context = role + " org=" + org + " creator=" + isCreator + " " + row.accessLevel();
                            assertThat(caller.maySee(row))
                                    .as("maySee, " + context)
                                    .isEqualTo(sees);
                            assertThat(caller.mayChange(row))
                                    .as("mayChange, " + context)
                                    .isEqualTo(changesByTheRule(caller, row));
                        }
                        String context = role + " org=" + org + " creator=" + isCreator;
                        assertThat(bySqlPredicate(caller, rows))
                                .as("AccessSql.visible, " + context)
                                .isEqualTo(expected);
                        assertThat(bySqlBranches(caller, rows))
                                .as("AccessSql.branches, " + context)
                                .isEqualTo(expected);
                        assertThat(byRowLevelSecurity(caller, rows))
                                .as("row-level security, " + context)
                                .isEqualTo(expected);
                        assertThat(byLuceneFilter(index, caller))
                                .as("Lucene filter, " + context)
                                .isEqualTo(expected);
                        checked++;
                    }
                }
            }
            assertThat(checked).isEqualTo(Role.values().length * 3 * 2);
        }
    }

    /** The rule as docs/architecture.md states it. */
    private static boolean seesByTheRule(Caller caller, Row row) {
        return caller.role() == Role.SUPER_ADMIN
                || switch (row.accessLevel()) {
                    case SYSTEM -> true;
                    case PERSONAL -> row.createdBy().equals(caller.userId());
                    case ORGANIZATION -> row.organizationId().equals(caller.organizationId());
                };
    }

    private static boolean changesByTheRule(Caller caller, Row row) {
        return caller.role() == Role.SUPER_ADMIN
                || switch (row.accessLevel()) {
                    case SYSTEM -> false;
                    case PERSONAL -> row.createdBy().equals(caller.userId());
                    case ORGANIZATION ->
                        row.organizationId().equals(caller.organizationId())
                                && (row.createdBy().equals(caller.userId()) || caller.role() == Role.ORG_ADMIN);
                };
    }

    /** As the table owner, which row-level security does not bind: the predicate alone decides. */
    private Set<UUID> bySqlPredicate(Caller caller, List<Row> rows) {
        return AccessSql.bind(
                        fixtures.jdbc()
                                .sql("SELECT c.id FROM companies c WHERE c.id = ANY(:ids) AND "
                                        + AccessSql.visible("c")),
                        caller)
                .param("ids", ids(rows))
                .query(UUID.class)
                .set();
    }

    private Set<UUID> bySqlBranches(Caller caller, List<Row> rows) {
        String branches =
                AccessSql.branches("c", caller).stream().map(b -> "(" + b + ")").collect(Collectors.joining(" OR "));
        return fixtures.jdbc()
                .sql("SELECT c.id FROM companies c WHERE c.id = ANY(:ids) AND (" + branches + ")")
                .params(AccessSql.params(caller))
                .param("ids", ids(rows))
                .query(UUID.class)
                .set();
    }

    /** Through the application's data source as this caller, with no predicate: the policies alone decide. */
    private Set<UUID> byRowLevelSecurity(Caller caller, List<Row> rows) {
        return Callers.runAs(caller, () -> fixtures.jdbc()
                .sql("SELECT id FROM companies WHERE id = ANY(:ids)")
                .param("ids", ids(rows))
                .query(UUID.class)
                .set());
    }

    private static Set<UUID> byLuceneFilter(Directory index, Caller caller) throws IOException {
        Query filter = Search.luceneFilter(new SearchFilter(null, null, null, null, null, null), caller);
        try (DirectoryReader reader = DirectoryReader.open(index)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Set<UUID> found = new HashSet<>();
            for (ScoreDoc hit : searcher.search(filter == null ? new MatchAllDocsQuery() : filter, 100).scoreDocs) {
                found.add(UUID.fromString(
                        searcher.storedFields().document(hit.doc).get("id")));
            }
            return found;
        }
    }

    /** The rows with the access fields {@code SearchIndex} gives every chunk. */
    private static Directory index(List<Row> rows) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (Row row : rows) {
                Document doc = new Document();
                doc.add(new StringField("id", row.id().toString(), Field.Store.YES));
                doc.add(new StringField("access", row.accessLevel().value(), Field.Store.NO));
                doc.add(new StringField("owner", row.createdBy().toString(), Field.Store.NO));
                if (row.organizationId() != null) {
                    doc.add(new StringField("org", row.organizationId().toString(), Field.Store.NO));
                }
                writer.addDocument(doc);
            }
        }
        return directory;
    }

    private static UUID[] ids(List<Row> rows) {
        return rows.stream().map(Row::id).toArray(UUID[]::new);
    }
}
