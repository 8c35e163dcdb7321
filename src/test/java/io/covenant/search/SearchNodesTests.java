package io.covenant.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.SecondNode;
import io.covenant.shared.security.Role;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two service instances on one database, each with its own search index following the retained change log from its
 * own position: both serve the same results, and the log is pruned only once both have passed it.
 */
@ApiTest
class SearchNodesTests {

    static SecondNode secondNode;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SearchIndex index;

    Person analyst;

    @BeforeAll
    static void startSecondNode() {
        secondNode = SecondNode.start("search-nodes");
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.stop();
    }

    @BeforeEach
    void setUp() {
        analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
    }

    @Test
    void bothNodesServeTheSameResultsFromTheirOwnIndexes() {
        String id = fixtures.as(analyst)
                .body(
                        Map.of(
                                "title",
                                "Memo",
                                "content",
                                "Patagonian lithium brine rights are held by one provincial agency. A permit freeze would stop expansion."))
                .post("/api/v1/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        SearchIndex second = secondNode.bean(SearchIndex.class);
        await().atMost(Duration.ofMinutes(2)).until(() -> caughtUp(index) && caughtUp(second));
        for (String mode : List.of("semantic", "keyword", "hybrid")) {
            JsonPath here = search(fixtures.as(analyst), mode, "Patagonian lithium brine");
            JsonPath there = search(secondNode.as(analyst), mode, "Patagonian lithium brine");
            assertThat(here.getList("items.document_id")).as(mode).contains(id);
            assertThat(there.getList("items.chunk_id")).as(mode).isEqualTo(here.getList("items.chunk_id"));
            assertThat(there.getList("items.score", Float.class))
                    .as(mode)
                    .isEqualTo(here.getList("items.score", Float.class));
        }
        // Semantic search reads only the index: the second node's own index holds the new document.
        fixtures.as(analyst).delete("/api/v1/documents/" + id).then().statusCode(204);
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(search(secondNode.as(analyst), "semantic", "Patagonian lithium brine")
                                .getList("items.document_id"))
                        .doesNotContain(id));
        // Once both nodes have applied them, the log rows go. Nodes that other test classes started and stopped
        // would hold the log for a day (as a node that went away does), so only these two are kept.
        jdbc.sql("DELETE FROM search_index_nodes WHERE node_id NOT IN (:here, :there)")
                .param("here", index.node())
                .param("there", second.node())
                .update();
        await().atMost(Duration.ofMinutes(3))
                .until(() -> jdbc.sql("SELECT count(*) FROM search_index_outbox WHERE document_id = CAST(:id AS uuid)")
                                .param("id", id)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void aChangeCommittedAfterALaterOneIsStillApplied() throws Exception {
        String id = fixtures.as(analyst)
                .body(Map.of(
                        "title",
                        "Memo",
                        "content",
                        "Tasmanian salmon farms rely on a single feed mill. A fire there would starve every pen."))
                .post("/api/v1/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofMinutes(2)).until(() -> caughtUp(index));
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            // The slow transaction draws its outbox id and transaction id first...
            try (PreparedStatement delete = slow.prepareStatement(
                    "UPDATE documents SET deleted_at = now() WHERE id = ?; INSERT INTO search_index_outbox (document_id, operation) VALUES (?, 'delete')")) {
                delete.setObject(1, UUID.fromString(id));
                delete.setObject(2, UUID.fromString(id));
                delete.execute();
            }
            // ...a later change commits and is applied first, moving the index's position on...
            fixtures.as(analyst)
                    .body(Map.of("title", "Other", "content", "Quinoa growers in Bolivia sell to two exporters."))
                    .post("/api/v1/documents")
                    .then()
                    .statusCode(201);
            await().atMost(Duration.ofMinutes(2)).until(() -> caughtUp(index));
            assertThat(search(fixtures.as(analyst), "semantic", "Tasmanian salmon feed mill")
                            .getList("items.document_id"))
                    .contains(id);
            slow.commit();
        }
        // ...and the slow one is still applied once it commits.
        index.wake();
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(search(fixtures.as(analyst), "semantic", "Tasmanian salmon feed mill")
                                .getList("items.document_id"))
                        .doesNotContain(id));
    }

    private boolean caughtUp(SearchIndex node) {
        SearchIndex.LogState state = node.state();
        return node.ready()
                && state != null
                && !node.repository()
                        .parse("x", state.position(), state.applied())
                        .indexBehind();
    }

    private static JsonPath search(RequestSpecification as, String mode, String q) {
        return as.queryParam("q", q)
                .queryParam("mode", mode)
                .queryParam("limit", 10)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
