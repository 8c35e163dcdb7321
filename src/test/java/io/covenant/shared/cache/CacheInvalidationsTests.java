package io.covenant.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.covenant.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class CacheInvalidationsTests {

    @Autowired
    CacheInvalidations invalidations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLostListeningConnectionIsReplacedAndEveryCacheClearedMeanwhile() {
        String table = "test_" + UUID.randomUUID().toString().replace("-", "");
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        invalidations.onChange(table, seen::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> listeners().size() == 1);
        List<Integer> before = listeners();

        jdbc.sql("SELECT pg_terminate_backend(:pid)")
                .param("pid", before.get(0))
                .query()
                .singleValue();

        // Every cache is cleared, since changes may be missed while no connection listens; then a new one listens.
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(CacheInvalidations.ALL));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners()).hasSize(1).doesNotContainAnyElementsOf(before));
        jdbc.sql("SELECT pg_notify(:channel, :payload)")
                .param("channel", CacheInvalidations.CHANNEL)
                .param("payload", table + ":changed-row")
                .query()
                .singleValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("changed-row"));
    }

    private List<Integer> listeners() {
        return jdbc.sql("SELECT pid FROM pg_stat_activity WHERE query = :listen")
                .param("listen", "LISTEN " + CacheInvalidations.CHANNEL)
                .query(Integer.class)
                .list();
    }
}
