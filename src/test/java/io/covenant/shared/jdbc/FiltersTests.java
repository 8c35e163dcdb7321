package io.covenant.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.SqlParameterValue;

class FiltersTests {

    private static final List<String> CONDITIONS = List.of(
            "a.user_id = :user", "a.created_at >= :from::timestamptz", "(a.created_at, a.id) < (:after_at, :after_id)");

    @Test
    void aConditionIsKeptOnlyWhenEveryParameterItNamesHasAValue() {
        Map<String, Object> params = new HashMap<>();
        params.put("user", "u1");
        params.put("from", null);
        params.put("after_at", "2026-01-01");
        assertThat(Filters.and(params, CONDITIONS)).isEqualTo(" AND (a.user_id = :user)");

        params.put("after_id", "x");
        params.put("from", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, "2026-01-01"));
        assertThat(Filters.and(params, CONDITIONS))
                .isEqualTo(" AND (a.user_id = :user) AND (a.created_at >= :from::timestamptz)"
                        + " AND ((a.created_at, a.id) < (:after_at, :after_id))");
    }

    @Test
    void noValueLeavesNoCondition() {
        Map<String, Object> params = new HashMap<>();
        params.put("user", new SqlParameterValue(Types.OTHER, null));
        assertThat(Filters.and(params, CONDITIONS)).isEmpty();
    }

    @Test
    void aConditionWithoutParametersIsAMistake() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Filters.and(Map.of(), List.of("a.deleted_at IS NULL")))
                .withMessageContaining("names no parameter");
    }
}
