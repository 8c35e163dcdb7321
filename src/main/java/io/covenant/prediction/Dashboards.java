package io.covenant.prediction;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.cache.CacheInvalidations;
import io.covenant.shared.cache.HotCache;
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prediction dashboards of AccuNode's query patterns: risk distribution by sector, quarterly model deviation,
 * and a summary per user and organisation, cached for 30 seconds and dropped whenever a prediction changes. They read
 * the aggregates the prediction tables' triggers keep per organisation, year, sector and owner (V44), so a call
 * costs the same whatever the number of predictions.
 */
@Service
public class Dashboards {

    /** Counts of one sector and risk level. */
    public record SectorRisk(String sector, String riskLevel, long count) {}

    /** How far each quarterly model strays from the ensemble in one quarter. */
    public record ModelDeviation(
            String reportingYear,
            String reportingQuarter,
            BigDecimal logisticDeviation,
            BigDecimal gbmDeviation,
            BigDecimal avgConfidence,
            long predictions) {}

    /** The caller's and its organisation's predictions at a glance (both kinds); mean and last are null for none. */
    public record Summary(
            long totalPredictions,
            long highRiskCount,
            @Nullable BigDecimal avgProbability,
            @Nullable OffsetDateTime lastPrediction) {}

    /** The access rule of the aggregates (V44) gives every caller allowed an organisation's dashboard the same rows. */
    record OrganizationKey(String dashboard, UUID organizationId, String year) {}

    /** A summary mixes the organisation's rows with the caller's own, so it is the caller's. */
    record SummaryKey(UUID userId, @Nullable UUID organizationId, boolean superAdmin) {}

    private final DashboardRepository repository;

    private final HotCache<OrganizationKey, List<?>> organizationBoards;

    private final HotCache<SummaryKey, Summary> summaries;

    Dashboards(DashboardRepository repository, CacheInvalidations invalidations, MeterRegistry registry) {
        this.repository = repository;
        this.organizationBoards = new HotCache<>("prediction_dashboards", 10_000, Duration.ofMinutes(10), registry);
        this.summaries = new HotCache<>("prediction_summaries", 10_000, Duration.ofMinutes(10), registry);
        // 'o<org>' or 'u<user>': the aggregates of this organisation or owner changed (V75).
        invalidations.onChange("prediction_dashboards", key -> {
            if (CacheInvalidations.ALL.equals(key)) {
                organizationBoards.evictAll();
                summaries.evictAll();
            } else if (key.startsWith("o")) {
                evictOrganization(UUID.fromString(key.substring(1)));
            } else if (key.startsWith("u")) {
                UUID user = UUID.fromString(key.substring(1));
                summaries.evictIf(k -> k.userId().equals(user));
            }
        });
    }

    private void evictOrganization(UUID org) {
        organizationBoards.evictIf(k -> k.organizationId().equals(org));
        summaries.evictIf(k -> org.equals(k.organizationId()));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<SectorRisk> riskBySector(Caller caller, @Nullable UUID organizationId, String year) {
        UUID org = organization(caller, organizationId);
        return cast(organizationBoards.get(
                new OrganizationKey("sector_risk", org, year), () -> repository.sectorRisk(org, year)));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<ModelDeviation> modelDeviation(Caller caller, @Nullable UUID organizationId) {
        UUID org = organization(caller, organizationId);
        return cast(organizationBoards.get(
                new OrganizationKey("model_deviation", org, ""), () -> repository.modelDeviation(org)));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Summary summary(Caller caller) {
        caller.require(Permission.PREDICTIONS_READ);
        return summaries.get(
                new SummaryKey(caller.userId(), caller.organizationId(), caller.isSuperAdmin()),
                () -> repository.summary(caller.userId(), caller.organizationId(), caller.isSuperAdmin()));
    }

    /**
     * A prediction was written through this node: its writer's next dashboard read here must show it without waiting
     * for the notification.
     */
    @EventListener
    void on(Audited event) {
        if (event.entityType().endsWith("_predictions")) {
            UUID org = event.organizationId();
            CacheInvalidations.afterCommit(() -> {
                if (org != null) {
                    evictOrganization(org);
                } else {
                    summaries.evictAll();
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<?> rows) {
        return (List<T>) rows;
    }

    static UUID organization(Caller caller, @Nullable UUID requested) {
        caller.require(Permission.PREDICTIONS_READ);
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
