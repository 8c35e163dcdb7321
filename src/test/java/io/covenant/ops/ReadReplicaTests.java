package io.covenant.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.covenant.ApiTest;
import io.covenant.CovenantApplication;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.jdbc.ReadRouting;
import io.covenant.shared.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node configured with a real streaming replica of the embedded server ({@link StreamingReplica}) beside this
 * test's node, which writes to the primary. Read-only transactions go to the replica, under the caller's row-level
 * security there too; a replica lagging past the limit, or killed mid-run, sends them to the primary without one
 * failed request; a write is read back from the primary within the same unit of work.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTests {

    static final String SLOT = "covenant_test_replica";

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    StreamingReplica replica;

    ConfigurableApplicationContext node;

    String sector;

    UUID orgA;

    Person memberA;

    Person memberB;

    @BeforeAll
    void startAReplicaAndANodeReadingFromIt() throws Exception {
        replica = StreamingReplica.of(dataSource, SLOT);
        node = new SpringApplicationBuilder(CovenantApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--covenant.search.index-directory=target/search-index-replica",
                        "--covenant.upload.runner=false",
                        "--covenant.database.replica-url=" + replica.jdbcUrl(),
                        "--covenant.database.replica-max-lag=3s",
                        "--covenant.database.replica-check-interval=200ms");
        sector = "Replica " + UUID.randomUUID();
        orgA = fixtures.organization(null);
        UUID orgB = fixtures.organization(null);
        memberA = fixtures.person(Role.ORG_MEMBER, orgA);
        memberB = fixtures.person(Role.ORG_MEMBER, orgB);
        company("RPLA", orgA, memberA);
        company("RPLB", orgB, memberB);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (replica != null) {
            replica.remove();
        }
        jdbc.sql("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")
                .param(SLOT)
                .query()
                .listOfRows();
    }

    @BeforeEach
    void replicaCaughtUp() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> replicaAvailable()
                        && symbols(memberA).contains("RPLA")
                        && symbols(memberB).contains("RPLB"));
    }

    @Test
    @Order(1)
    void readOnlyTransactionsRunOnTheReplicaUnderTheCallersRowLevelSecurity() throws Exception {
        double before = reads("replica");
        assertThat(symbols(memberA)).containsExactly("RPLA");
        assertThat(symbols(memberB)).containsExactly("RPLB");
        assertThat(reads("replica")).isGreaterThanOrEqualTo(before + 2);
        assertThat(replica.query("SELECT pg_is_in_recovery()")).isEqualTo("t");
    }

    @Test
    @Order(2)
    void aReplicaLaggingPastTheLimitIsLeftForThePrimary() throws Exception {
        replica.query("SELECT pg_wal_replay_pause()");
        try {
            company("RPLC", orgA, memberA);
            boolean availableBefore = replicaAvailable();
            List<String> seen = symbols(memberA);
            if (availableBefore && replicaAvailable()) {
                // Still within the limit: the replica answered, without the row it has not replayed.
                assertThat(seen).containsExactly("RPLA");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !replicaAvailable());
            double primaryBefore = reads("primary");
            assertThat(symbols(memberA)).containsExactly("RPLA", "RPLC");
            assertThat(reads("primary")).isGreaterThan(primaryBefore);
        } finally {
            replica.query("SELECT pg_wal_replay_resume()");
        }
        await().atMost(Duration.ofSeconds(20)).until(this::replicaAvailable);
        assertThat(symbols(memberA)).containsExactly("RPLA", "RPLC");
    }

    @Test
    @Order(3)
    void aWriteIsReadBackFromThePrimaryInTheSameUnitOfWork() throws Exception {
        JdbcClient nodeJdbc = node.getBean(JdbcClient.class);
        TransactionTemplate write = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        TransactionTemplate read = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        read.setReadOnly(true);
        replica.query("SELECT pg_wal_replay_pause()");
        ReadRouting.reset();
        try {
            UUID id = write.execute(status -> nodeJdbc.sql("""
					INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
					VALUES ('RPLW', 'Written', :sector, 'organization', :org, :user) RETURNING id""")
                    .param("sector", sector)
                    .param("org", orgA)
                    .param("user", memberA.id())
                    .query(UUID.class)
                    .single());
            Long found = read.execute(status -> nodeJdbc.sql("SELECT count(*) FROM companies WHERE id = ?")
                    .param(id)
                    .query(Long.class)
                    .single());
            assertThat(found).isEqualTo(1);
        } finally {
            ReadRouting.reset();
            replica.query("SELECT pg_wal_replay_resume()");
        }
    }

    @Test
    @Order(4)
    void killingTheReplicaMidRunFailsNoRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    statuses.add(onNode(memberA)
                            .queryParam("sector", sector)
                            .get("/api/v1/companies")
                            .statusCode());
                }
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.size() > 50);
        double replicaReads = reads("replica");
        assertThat(replicaReads).isPositive();
        replica.kill();
        int atKill = statuses.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses.size() > atKill + 200);
        running.set(false);
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();

        assertThat(statuses).isNotEmpty().allMatch(status -> status == 200);
        assertThat(replicaAvailable()).isFalse();
        double primaryBefore = reads("primary");
        assertThat(symbols(memberA)).contains("RPLA");
        assertThat(reads("primary")).isGreaterThan(primaryBefore);
    }

    private List<String> symbols(Person person) {
        return onNode(person)
                .queryParam("sector", sector)
                .queryParam("sort", "symbol")
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.symbol", String.class)
                .stream()
                .filter(symbol -> !symbol.equals("RPLW"))
                .toList();
    }

    private RequestSpecification onNode(Person person) {
        int port = node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return RestAssured.given()
                .port(port)
                .contentType(ContentType.JSON)
                .auth()
                .oauth2(person.accessToken());
    }

    private boolean replicaAvailable() {
        return node.getBean(MeterRegistry.class)
                        .get("covenant.database.replica.available")
                        .gauge()
                        .value()
                == 1;
    }

    private double reads(String target) {
        return node.getBean(MeterRegistry.class)
                .get("covenant.database.reads")
                .tag("target", target)
                .functionCounter()
                .count();
    }

    private void company(String symbol, UUID org, Person owner) {
        jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
				VALUES (:symbol, :symbol, :sector, 'organization', :org, :user)""")
                .param("symbol", symbol)
                .param("sector", sector)
                .param("org", org)
                .param("user", owner.id())
                .update();
    }
}
