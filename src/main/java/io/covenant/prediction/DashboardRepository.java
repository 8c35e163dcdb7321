package io.covenant.prediction;

import io.covenant.prediction.Dashboards.ModelDeviation;
import io.covenant.prediction.Dashboards.SectorRisk;
import io.covenant.prediction.Dashboards.Summary;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the prediction dashboards: it reads the aggregates the prediction tables' triggers keep (V44), never the tables. */
@Repository
@RequiredArgsConstructor
class DashboardRepository {

    static final String SECTOR_RISK = """
				SELECT sector, risk_level, predictions FROM prediction_sector_risk
				WHERE organization_id = :org AND reporting_year = :year ORDER BY sector, risk_level""";

    static final String MODEL_DEVIATION = """
				SELECT reporting_year, reporting_quarter, round(logistic_deviation / predictions, 4),
				       round(gbm_deviation / predictions, 4), round(confidence / predictions, 4), predictions
				FROM prediction_quarter_deviation WHERE organization_id = :org
				ORDER BY reporting_year DESC, reporting_quarter DESC""";

    static final String SUMMARY = """
				SELECT coalesce(sum(predictions), 0), coalesce(sum(high_risk), 0),
				       round(sum(probability) / nullif(sum(predictions), 0), 4), max(last_created_at)
				FROM (SELECT * FROM prediction_owner_summary WHERE organization_id = :org
				      UNION ALL
				      SELECT * FROM prediction_owner_summary WHERE created_by = :user
				        AND coalesce(organization_id <> :org, TRUE) AND (access_level <> 'organization' OR :super)) mine""";

    private final JdbcClient jdbc;

    List<SectorRisk> sectorRisk(UUID org, String year) {
        return jdbc
                .sql(SECTOR_RISK)
                .param("org", org)
                .param("year", year)
                .query((rs, i) -> new SectorRisk(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list()
                .stream()
                .toList();
    }

    List<ModelDeviation> modelDeviation(UUID org) {
        return jdbc
                .sql(MODEL_DEVIATION)
                .param("org", org)
                .query((rs, i) -> new ModelDeviation(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getLong(6)))
                .list()
                .stream()
                .toList();
    }

    /** The organisation's rows and the user's own elsewhere (their organisation-level rows only for a super_admin). */
    Summary summary(UUID user, @Nullable UUID org, boolean superAdmin) {
        return jdbc.sql(SUMMARY)
                .param("user", user)
                .param("org", org, Types.OTHER)
                .param("super", superAdmin)
                .query((rs, i) -> new Summary(
                        rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getObject(4, OffsetDateTime.class)))
                .single();
    }
}
