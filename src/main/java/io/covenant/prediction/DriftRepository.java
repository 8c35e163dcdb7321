package io.covenant.prediction;

import io.covenant.prediction.Drift.Counts;
import io.covenant.prediction.ModelArtifact.Distribution;
import io.covenant.shared.jdbc.Filters;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the drift report: one scan of a prediction table per ratio. */
@Repository
@RequiredArgsConstructor
class DriftRepository {

    /** The optional bounds of the predictions counted. */
    private static final List<String> PERIOD = List.of("predicted_at >= :from", "predicted_at < :to");

    private final JdbcClient jdbc;

    /** Counts per training bin (NULL is the missing bin) and outside the training range, in one scan. */
    Counts counts(
            PredictionKind kind,
            String scope,
            @Nullable UUID org,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            Distribution expected) {
        // The column comes from the model's own ratio names, which are the table's columns, never from the request.
        String column = kind.ratios.stream()
                .map(Ratio::key)
                .filter(expected.ratio()::equals)
                .findFirst()
                .orElseThrow();
        long[] bins = new long[expected.shares().length];
        long[] outside = {0};
        Map<String, @Nullable Object> period = new HashMap<>();
        period.put("from", from);
        period.put("to", to);
        jdbc.sql("""
				SELECT width_bucket(%1$s::float8, string_to_array(:edges, ',')::float8[]) AS bin, count(*) AS n,
				       count(*) FILTER (WHERE %1$s < :min OR %1$s > :max) AS outside
				FROM %2$s
				WHERE %3$s%4$s
				GROUP BY 1""".formatted(column, kind.table, scope, Filters.and(period, PERIOD)))
                .params(period)
                .param(
                        "edges",
                        Arrays.stream(expected.edges())
                                .mapToObj(Double::toString)
                                .collect(Collectors.joining(",")))
                .param("min", expected.min())
                .param("max", expected.max())
                .param("org", org, Types.OTHER)
                .query(rs -> {
                    int bin = rs.getInt("bin");
                    bins[rs.wasNull() ? bins.length - 1 : bin] += rs.getLong("n");
                    outside[0] += rs.getLong("outside");
                });
        return new Counts(bins, outside[0]);
    }
}
