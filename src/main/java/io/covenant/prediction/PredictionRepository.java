package io.covenant.prediction;

import io.covenant.shared.jdbc.CopyRows;
import io.covenant.shared.jdbc.Filters;
import io.covenant.shared.jdbc.GenericPlans;
import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.jdbc.SqlQuery;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.AccessSql;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Role;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the two prediction tables; every read is filtered by the caller's access in the query. */
@Repository
@RequiredArgsConstructor
class PredictionRepository {

    private static final TypeReference<Map<String, List<Reasons>>> EXPLANATION = new TypeReference<>() {};

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final DataSource dataSource;

    /** The list statements of this transaction use generic plans ({@link GenericPlans}). */
    void planListsGenerically() {
        GenericPlans.forThisTransaction(jdbc);
    }

    /** What scoring a company for a period gives a prediction row, before its columns are named. */
    record Scoring(
            UUID companyId,
            String year,
            @Nullable String quarter,
            double[] ratios,
            Scores.Scored score,
            AccessLevel level,
            @Nullable UUID organizationId) {}

    /** The columns of a scored prediction (without {@code created_by}), in the order they are written. */
    Map<String, Object> columns(PredictionKind kind, Scoring scoring) {
        Scores.Scored score = scoring.score();
        double[] ratios = scoring.ratios();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("company_id", scoring.companyId());
        values.put("reporting_year", scoring.year());
        if (kind == PredictionKind.QUARTERLY) {
            values.put("reporting_quarter", scoring.quarter());
        }
        for (int i = 0; i < ratios.length; i++) {
            values.put(kind.ratios.get(i).key(), Double.isNaN(ratios[i]) ? null : Scores.stored(ratios[i]));
        }
        values.put("logistic_probability", Scores.stored(score.logisticProbability()));
        values.put("gbm_probability", Scores.stored(score.gbmProbability()));
        values.put(kind.probability, Scores.stored(score.ensembleProbability()));
        values.put("risk_level", score.riskLevel());
        values.put("confidence", Scores.stored(score.confidence()));
        values.put("model_version", score.modelVersion());
        values.put("explanation", json.writeValueAsString(Map.of("reasons", score.reasons())));
        values.put("predicted_at", OffsetDateTime.now(ZoneOffset.UTC));
        values.put("access_level", scoring.level().value());
        values.put("organization_id", new SqlParameterValue(Types.OTHER, scoring.organizationId()));
        return values;
    }

    /** The prediction a new one for this company, period and owner would replace. */
    Optional<Prediction> findSameKey(
            PredictionKind kind,
            UUID companyId,
            String year,
            @Nullable String quarter,
            AccessLevel level,
            @Nullable UUID organizationId,
            UUID createdBy) {
        String owner =
                switch (level) {
                    case ORGANIZATION -> "p.access_level = 'organization' AND p.organization_id = :org";
                    case PERSONAL -> "p.access_level = 'personal' AND p.created_by = :by";
                    case SYSTEM -> "p.access_level = 'system'";
                };
        return jdbc.sql(select(kind) + " WHERE p.company_id = :company AND p.reporting_year = :year"
                        + (kind == PredictionKind.QUARTERLY ? " AND p.reporting_quarter = :quarter" : "") + " AND "
                        + owner)
                .param("company", companyId)
                .param("year", year)
                .param("quarter", quarter)
                .param("org", organizationId, Types.OTHER)
                .param("by", createdBy)
                .query((rs, i) -> map(kind, rs))
                .optional();
    }

    /** Inserts and returns the stored row, so that no second query reads it back. */
    Prediction insert(PredictionKind kind, Map<String, Object> values, String symbol, String name) {
        List<String> columns = new ArrayList<>(values.keySet());
        return jdbc.sql("INSERT INTO " + kind.table + " AS p (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(
                                ", ",
                                columns.stream()
                                        .map(PredictionRepository::placeholder)
                                        .toList()) + ")"
                        + RETURNING)
                .params(values)
                .param("company_symbol", symbol)
                .param("company_name", name)
                .query((rs, i) -> map(kind, rs))
                .single();
    }

    Prediction update(PredictionKind kind, UUID id, Map<String, Object> values, String symbol, String name) {
        List<String> sets =
                values.keySet().stream().map(c -> c + " = " + placeholder(c)).toList();
        Map<String, Object> params = new LinkedHashMap<>(values);
        params.put("id", id);
        return jdbc.sql("UPDATE " + kind.table + " AS p SET " + String.join(", ", sets) + " WHERE p.id = :id"
                        + RETURNING)
                .params(params)
                .param("company_symbol", symbol)
                .param("company_name", name)
                .query((rs, i) -> map(kind, rs))
                .single();
    }

    /** The written row with the company's symbol and name, which the caller already has. */
    private static final String RETURNING = " RETURNING p.*, p.explanation::text AS explanation_text,"
            + " CAST(:company_symbol AS text) AS company_symbol, CAST(:company_name AS text) AS company_name";

    /**
     * Writes rows gathered for COPY (in {@link PredictionKind#importColumns()} order): COPY into a staging table, as
     * COPY cannot write a table under row-level security, then one INSERT that inserts each row or replaces the
     * prediction with the same key if the caller may change it. Returns {@link #key} to whether the row was new; a
     * row missing from it was refused.
     */
    Map<String, Boolean> importBatch(PredictionKind kind, CopyRows rows, AccessLevel level, Caller caller) {
        String staging = "upload_" + kind.table;
        jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (LIKE " + kind.table
                        + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS")
                .update();
        List<String> columns = kind.importColumns();
        String list = String.join(", ", columns);
        rows.into(dataSource, staging + " (" + list + ")");
        String conflict =
                switch (level) {
                    case ORGANIZATION -> "ON CONSTRAINT " + kind.organizationKey;
                    case PERSONAL -> kind.personalKey;
                    case SYSTEM -> kind.systemKey;
                };
        List<String> kept = List.of(
                "company_id", "reporting_year", "reporting_quarter", "access_level", "organization_id", "created_by");
        String updates = String.join(
                ", ",
                columns.stream()
                        .filter(c -> !kept.contains(c))
                        .map(c -> c + " = EXCLUDED." + c)
                        .toList());
        return jdbc
                .sql("INSERT INTO " + kind.table + " AS p (" + list + ") SELECT " + list + " FROM " + staging
                        + " ON CONFLICT " + conflict + " DO UPDATE SET " + updates
                        + " WHERE :super OR p.created_by = :user OR (:org_admin AND p.organization_id = :org)"
                        + " RETURNING p.company_id, p.reporting_year, "
                        + (kind == PredictionKind.QUARTERLY ? "p.reporting_quarter" : "NULL")
                        + " AS quarter, p.xmax = 0 AS inserted")
                .param("super", caller.isSuperAdmin())
                .param("user", caller.userId())
                .param("org_admin", caller.role() == Role.ORG_ADMIN)
                .param("org", caller.organizationId(), Types.OTHER)
                .query((rs, i) ->
                        Map.entry(key(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)), rs.getBoolean(4)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static String key(UUID companyId, String year, @Nullable String quarter) {
        return companyId + "|" + year + "|" + quarter;
    }

    void delete(PredictionKind kind, UUID id) {
        jdbc.sql("DELETE FROM " + kind.table + " WHERE id = :id")
                .param("id", id)
                .update();
    }

    Optional<Prediction> findVisible(PredictionKind kind, UUID id, Caller caller) {
        return AccessSql.bind(jdbc.sql(select(kind) + " WHERE p.id = :id AND " + AccessSql.visible("p")), caller)
                .param("id", id)
                .query((rs, i) -> map(kind, rs))
                .optional();
    }

    /**
     * A page, newest first: each branch of the caller's access rule is read in the order of its index
     * ({@code V42}) and stops after a page; only the filters given are in the SQL, so every plan is one the planner
     * can fit to them.
     */
    List<Prediction> list(PredictionKind kind, PredictionFilter f, @Nullable Cursor after, int limit, Caller caller) {
        SqlQuery query = listQuery(kind, f, after, limit, caller);
        return jdbc.sql(query.sql())
                .params(query.params())
                .query((rs, i) -> map(kind, rs))
                .list();
    }

    /** The statement {@link #list} runs, apart so that the plan tests can EXPLAIN it. */
    SqlQuery listQuery(PredictionKind kind, PredictionFilter f, @Nullable Cursor after, int limit, Caller caller) {
        Map<String, Object> params = new LinkedHashMap<>(Rows.params(f));
        params.putAll(Cursor.params(after));
        String conditions = Filters.and(params, FILTERS.get(kind));
        List<String> parts = AccessSql.branches("p", caller).stream()
                .map(branch -> "(" + select(kind) + " WHERE " + branch + conditions
                        + " ORDER BY p.created_at DESC, p.id DESC LIMIT :limit)")
                .toList();
        params.putAll(AccessSql.params(caller));
        params.put("limit", limit + 1);
        return new SqlQuery(
                "SELECT * FROM (" + String.join(" UNION ALL ", parts)
                        + ") p ORDER BY created_at DESC, id DESC LIMIT :limit",
                params);
    }

    /** Each kind's list filters, made once. */
    private static final Map<PredictionKind, List<String>> FILTERS = Arrays.stream(PredictionKind.values())
            .collect(Collectors.toUnmodifiableMap(kind -> kind, PredictionRepository::filters));

    /** A list's optional filters, over the components of {@link PredictionFilter}, and its keyset. */
    private static List<String> filters(PredictionKind kind) {
        List<String> filters =
                new ArrayList<>(List.of("p.company_id = :companyId", "p.reporting_year = :reportingYear"));
        if (kind == PredictionKind.QUARTERLY) {
            filters.add("p.reporting_quarter = :reportingQuarter");
        }
        filters.addAll(List.of(
                "p.risk_level = :riskLevel",
                "p." + kind.probability + " >= :probabilityMin",
                "p." + kind.probability + " <= :probabilityMax",
                "c.sector = :sector",
                Cursor.condition("p")));
        return List.copyOf(filters);
    }

    private static String select(PredictionKind kind) {
        return "SELECT p.*, p.explanation::text AS explanation_text, c.symbol AS company_symbol, c.name AS company_name FROM "
                + kind.table + " p JOIN companies c ON c.id = p.company_id";
    }

    private static String placeholder(String column) {
        return column.equals("explanation") ? "CAST(:explanation AS jsonb)" : ":" + column;
    }

    private Prediction map(PredictionKind kind, ResultSet rs) throws SQLException {
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        for (Ratio r : kind.ratios) {
            ratios.put(r.key(), rs.getBigDecimal(r.key()));
        }
        Map<String, List<Reasons>> explanation = json.readValue(rs.getString("explanation_text"), EXPLANATION);
        boolean quarterly = kind == PredictionKind.QUARTERLY;
        return new Prediction(
                rs.getObject("id", UUID.class),
                kind.label(),
                rs.getObject("company_id", UUID.class),
                rs.getString("company_symbol"),
                rs.getString("company_name"),
                rs.getString("reporting_year"),
                quarterly ? rs.getString("reporting_quarter") : null,
                quarterly ? null : rs.getBigDecimal("probability"),
                rs.getBigDecimal("logistic_probability"),
                rs.getBigDecimal("gbm_probability"),
                quarterly ? rs.getBigDecimal("ensemble_probability") : null,
                rs.getString("risk_level"),
                rs.getBigDecimal("confidence"),
                rs.getObject("predicted_at", OffsetDateTime.class),
                ratios,
                rs.getString("model_version"),
                explanation.getOrDefault("reasons", List.of()),
                AccessLevel.of(rs.getString("access_level")),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                null);
    }
}
