package io.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ops.EmbeddedPostgresClaim;
import io.covenant.shared.audit.Audited;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module on its own: its beans and the auto-configured data source on the JVM's one embedded PostgreSQL,
 * no other module (it needs none: {@link Audited} lives in the open shared module). An event published by whichever
 * module changed a row becomes one entry inside the publisher's transaction, stripped of what looks like a secret.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE, webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@Import(EmbeddedPostgresClaim.class)
class AuditModuleTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEntryIsWrittenInThePublishersTransactionAndCommitsOrRollsBackWithIt() {
        UUID kept = UUID.randomUUID();
        UUID undone = UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(
                status -> events.publishEvent(Audited.created("widget", kept, Map.of("name", "Kept"), null)));
        transaction.executeWithoutResult(status -> {
            events.publishEvent(Audited.created("widget", undone, Map.of("name", "Undone"), null));
            // Already there before the publisher's transaction ends: not written after its commit.
            assertThat(entries(undone)).isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(entries(kept)).isEqualTo(1);
        assertThat(entries(undone)).isZero();
    }

    @Test
    void secretLookingValuesAreRemovedAtAnyDepthAndTheRestIsKept() {
        UUID key = UUID.randomUUID();
        events.publishEvent(Audited.updated(
                "api_key",
                key,
                Map.of("key_hash", "9f86d081", "key_prefix", "cov_1234"),
                Map.of(
                        "password",
                        "[changed]",
                        "settings",
                        Map.of("clientSecret", "s3cr3t", "colour", "blue"),
                        "grants",
                        List.of(Map.of("token", "t0k3n", "scope", "read"))),
                null));

        Map<String, Object> entry = jdbc.sql("""
				SELECT old_values->>'key_hash' AS hash, old_values->>'key_prefix' AS prefix,
				       new_values->>'password' AS password, new_values#>>'{settings,clientSecret}' AS secret,
				       new_values#>>'{settings,colour}' AS colour, new_values#>>'{grants,0,token}' AS token,
				       new_values#>>'{grants,0,scope}' AS scope, user_id, ip_address, request_id
				FROM audit_logs WHERE entity_id = ?""").param(key).query().singleRow();
        assertThat(entry)
                .containsEntry("hash", "[removed]")
                .containsEntry("prefix", "cov_1234")
                .containsEntry("password", "[changed]")
                .containsEntry("secret", "[removed]")
                .containsEntry("colour", "blue")
                .containsEntry("token", "[removed]")
                .containsEntry("scope", "read");
        // Outside a request and without a caller: nobody acted, from nowhere.
        assertThat(entry)
                .containsEntry("user_id", null)
                .containsEntry("ip_address", null)
                .containsEntry("request_id", null);
    }

    private long entries(UUID entity) {
        return jdbc.sql("SELECT count(*) FROM audit_logs WHERE entity_id = ?")
                .param(entity)
                .query(Long.class)
                .single();
    }
}
