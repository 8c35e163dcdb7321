package io.covenant.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.covenant.ApiTest;
import io.covenant.shared.security.AccessLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Records bound as parameters and read back from rows by name, with the project's column types, on PostgreSQL. */
@ApiTest
class RowsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    /** The column types the project's records carry. */
    record Sample(
            UUID id,
            AccessLevel accessLevel,
            List<UUID> companyIds,
            LocalDate periodStart,
            OffsetDateTime createdAt,
            BigDecimal confidenceScore,
            @Nullable String summary,
            @Nullable UUID organizationId,
            int totalRows) {}

    private static final String ROUND_TRIP = """
			SELECT CAST(:id AS uuid) AS id, CAST(:accessLevel AS text) AS access_level,
			  CAST(:companyIds AS uuid[]) AS company_ids, CAST(:periodStart AS date) AS period_start,
			  CAST(:createdAt AS timestamptz) AS created_at, CAST(:confidenceScore AS numeric) AS confidence_score,
			  CAST(:summary AS text) AS summary, CAST(:organizationId AS uuid) AS organization_id,
			  CAST(:totalRows AS int) AS total_rows""";

    @Test
    void aRecordBoundByItsComponentsReadsBackEqual() {
        Sample sample = new Sample(
                UUID.randomUUID(),
                AccessLevel.ORGANIZATION,
                List.of(UUID.randomUUID(), UUID.randomUUID()),
                LocalDate.of(2024, 3, 31),
                OffsetDateTime.of(2024, 4, 1, 12, 30, 0, 0, ZoneOffset.UTC),
                new BigDecimal("0.8750"),
                "a summary",
                UUID.randomUUID(),
                1_000);

        assertThat(roundTrip(sample)).isEqualTo(sample);
    }

    @Test
    void nullsBindAndReadAsNull() {
        Sample sample = new Sample(
                UUID.randomUUID(),
                AccessLevel.PERSONAL,
                List.of(),
                LocalDate.of(2024, 1, 1),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                BigDecimal.ONE,
                null,
                null,
                0);

        assertThat(roundTrip(sample)).isEqualTo(sample);
    }

    @Test
    void storedLowerCaseEnumsAndJsonColumnsMapToTheirTypes() {
        record Job(AccessLevel accessLevel, List<Map<String, Object>> processingLogs) {}

        Job job = jdbc.sql("""
				SELECT ' system ' AS access_level,
				  CAST('[{"at": "2024-01-01T00:00:00Z", "message": "processing started"}]' AS jsonb) AS processing_logs""").query(Rows.mapper(Job.class, json)).single();

        assertThat(job.accessLevel()).isEqualTo(AccessLevel.SYSTEM);
        assertThat(job.processingLogs())
                .containsExactly(Map.of("at", "2024-01-01T00:00:00Z", "message", "processing started"));
    }

    @Test
    void aRecordsNamedColumnsAreItsValuesAsStoredInComponentOrder() {
        record Account(
                String email, String passwordHash, AccessLevel accessLevel, boolean isActive, List<String> tags) {}
        Account account = new Account("a@example.com", "secret", AccessLevel.ORGANIZATION, true, List.of("x"));

        Map<String, Object> columns = Rows.columns(account, Set.of("tags", "is_active", "access_level", "email"));

        assertThat(columns)
                .containsExactly(
                        Map.entry("email", "a@example.com"),
                        Map.entry("access_level", "organization"),
                        Map.entry("is_active", true),
                        Map.entry("tags", List.of("x")));
    }

    @Test
    void aColumnNoComponentHasIsRefused() {
        record Account(String email, boolean isActive) {}

        assertThatThrownBy(() -> Rows.columns(new Account("a@example.com", true), Set.of("email", "active")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("active");
    }

    private Sample roundTrip(Sample sample) {
        return jdbc.sql(ROUND_TRIP)
                .params(Rows.params(sample))
                .query(Rows.mapper(Sample.class))
                .single();
    }
}
