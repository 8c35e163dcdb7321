package io.covenant.prediction;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;

/**
 * The prediction dashboards of AccuNode's query patterns: risk distribution by sector, quarterly model deviation,
 * and a summary per user and organisation, cached for 30 seconds and dropped whenever a prediction changes.
 */
@Service
public class Dashboards {

	/** Counts of one sector and risk level. */
	public record SectorRisk(String sector, String riskLevel, long count) {
	}

	/** How far each quarterly model strays from the ensemble in one quarter. */
	public record ModelDeviation(String reportingYear, String reportingQuarter, BigDecimal logisticDeviation,
			BigDecimal gbmDeviation, BigDecimal avgConfidence, long predictions) {
	}

	/** The caller's and its organisation's predictions at a glance (annual and quarterly together). */
	public record Summary(long totalPredictions, long highRiskCount, BigDecimal avgProbability,
			OffsetDateTime lastPrediction) {
	}

	private final JdbcClient jdbc;

	private final Cache<String, Summary> summaries = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.maximumSize(10_000)
		.build();

	Dashboards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<SectorRisk> riskBySector(Caller caller, UUID organizationId, String year) {
		UUID org = organization(caller, organizationId);
		return jdbc.sql("""
				SELECT c.sector, p.risk_level, count(*) AS n
				FROM annual_predictions p JOIN companies c ON c.id = p.company_id
				WHERE p.organization_id = :org AND p.reporting_year = :year
				GROUP BY c.sector, p.risk_level ORDER BY c.sector, p.risk_level""")
			.param("org", org)
			.param("year", year)
			.query((rs, i) -> new SectorRisk(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<ModelDeviation> modelDeviation(Caller caller, UUID organizationId) {
		UUID org = organization(caller, organizationId);
		return jdbc.sql("""
				SELECT reporting_year, reporting_quarter,
				       round(avg(abs(logistic_probability - ensemble_probability)), 4),
				       round(avg(abs(gbm_probability - ensemble_probability)), 4),
				       round(avg(confidence), 4), count(*)
				FROM quarterly_predictions WHERE organization_id = :org
				GROUP BY reporting_year, reporting_quarter
				ORDER BY reporting_year DESC, reporting_quarter DESC""")
			.param("org", org)
			.query((rs, i) -> new ModelDeviation(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6)))
			.list();
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Summary summary(Caller caller) {
		caller.require("predictions:read");
		return summaries.get(caller.userId() + "|" + caller.organizationId(), key -> jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE risk_level = 'High'), round(avg(p), 4), max(created_at)
				FROM (SELECT risk_level, probability AS p, created_at FROM annual_predictions
				      WHERE created_by = :user OR organization_id = :org
				      UNION ALL
				      SELECT risk_level, ensemble_probability, created_at FROM quarterly_predictions
				      WHERE created_by = :user OR organization_id = :org) all_predictions""")
			.param("user", caller.userId())
			.param("org", caller.organizationId(), Types.OTHER)
			.query((rs, i) -> new Summary(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
					rs.getObject(4, OffsetDateTime.class)))
			.single());
	}

	/** A prediction was written or deleted somewhere: cached summaries may be stale. */
	@EventListener
	void on(Audited event) {
		if (event.entityType().endsWith("_predictions")) {
			summaries.invalidateAll();
		}
	}

	static UUID organization(Caller caller, UUID requested) {
		caller.require("predictions:read");
		if (requested != null && !requested.equals(caller.organizationId()) && !caller.isSuperAdmin()) {
			throw new Forbidden("Dashboards of another organization are for super_admins");
		}
		UUID org = requested != null ? requested : caller.organizationId();
		if (org == null) {
			throw InvalidInput.of("organization_id", "is required for someone outside any organization");
		}
		return org;
	}

}
