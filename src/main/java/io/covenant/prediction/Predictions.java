package io.covenant.prediction;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.metric.Metrics;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores companies and keeps the predictions under the access rule. A repeat for the same company, period and owner
 * (the organisation, the person, or the system) replaces the earlier prediction and says so.
 */
@Service
@RequiredArgsConstructor
public class Predictions {

    private final PredictionRepository repository;

    // Lazy: the models (a native library and a megabyte of JSON) load on the first prediction, not at start-up.
    @Lazy
    private final RiskModels models;

    private final Companies companies;

    private final Metrics metrics;

    private final ApplicationEventPublisher events;

    @Transactional
    public Prediction annual(Caller caller, AnnualPredictionCommand command) {
        return score(caller, command);
    }

    @Transactional
    public Prediction quarterly(Caller caller, QuarterlyPredictionCommand command) {
        return score(caller, command);
    }

    /** Scores an existing prediction again with new ratios; its company and period stay what they were. */
    @Transactional
    public Prediction rescoreAnnual(Caller caller, UUID id, AnnualPredictionCommand command) {
        return rescore(caller, id, command);
    }

    @Transactional
    public Prediction rescoreQuarterly(Caller caller, UUID id, QuarterlyPredictionCommand command) {
        return rescore(caller, id, command);
    }

    private Prediction score(Caller caller, ScoringCommand command) {
        return save(
                caller,
                command.kind(),
                command.companyId(),
                command.reportingYear(),
                command.quarter(),
                command.ratios(),
                command.accessLevel(),
                null);
    }

    private Prediction rescore(Caller caller, UUID id, ScoringCommand command) {
        Prediction existing = changeable(caller, command.kind(), id);
        return save(
                caller,
                command.kind(),
                existing.companyId(),
                existing.reportingYear(),
                command.kind() == PredictionKind.QUARTERLY ? existing.reportingQuarter() : null,
                command.ratios(),
                command.accessLevel(),
                existing);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Prediction get(Caller caller, PredictionKind kind, UUID id) {
        caller.require(Permission.PREDICTIONS_READ);
        return explained(visible(caller, kind, id));
    }

    /** In a (read-only) transaction of its own, for the generic plans of its statement. */
    @Transactional(readOnly = true)
    public CursorPage<Prediction> list(
            Caller caller, PredictionKind kind, PredictionFilter filter, @Nullable String cursor, int limit) {
        caller.require(Permission.PREDICTIONS_READ);
        repository.planListsGenerically();
        List<Prediction> rows = repository.list(kind, filter, Cursor.decode(cursor), limit, caller);
        return CursorPage.of(rows, limit, p -> Cursor.of(p.createdAt(), p.id())).map(this::explained);
    }

    @Transactional
    public void delete(Caller caller, PredictionKind kind, UUID id) {
        Prediction before = changeable(caller, kind, id);
        repository.delete(kind, id);
        events.publishEvent(Audited.deleted(kind.table, before));
    }

    private Prediction save(
            Caller caller,
            PredictionKind kind,
            UUID companyId,
            String year,
            @Nullable String quarter,
            @Nullable BigDecimal[] given,
            @Nullable AccessLevel requested,
            @Nullable Prediction replacing) {
        caller.require(Permission.PREDICTIONS_WRITE);
        Company company = companies.get(caller, companyId);
        AccessLevel level =
                replacing != null && requested == null ? replacing.accessLevel() : caller.levelForNewRow(requested);
        if (company.accessLevel() == AccessLevel.PERSONAL && level != AccessLevel.PERSONAL) {
            throw InvalidInput.of("access_level", "a prediction on a personal company must be personal too");
        }
        UUID organization = level != AccessLevel.ORGANIZATION
                ? null
                : replacing != null && replacing.organizationId() != null
                        ? replacing.organizationId()
                        : caller.organizationId();
        double[] ratios = ratios(kind, companyId, year, quarter, given);
        Scores.Scored score =
                kind == PredictionKind.ANNUAL ? models.scoreAnnual(ratios) : models.scoreQuarterly(ratios);
        Map<String, Object> values = repository.columns(
                kind, new PredictionRepository.Scoring(companyId, year, quarter, ratios, score, level, organization));

        Prediction existing = replacing != null
                ? replacing
                : repository
                        .findSameKey(kind, companyId, year, quarter, level, organization, caller.userId())
                        .orElse(null);
        if (existing != null) {
            if (!caller.mayChange(existing)) {
                throw new Forbidden(
                        "A prediction for this company and period exists and only its creator, an org_admin "
                                + "or a super_admin may replace it");
            }
            Prediction after = repository.update(kind, existing.id(), values, company.symbol(), company.name());
            events.publishEvent(Audited.updated(kind.table, existing, after));
            return after.withUpdated(true);
        }
        values.put("created_by", caller.userId());
        Prediction created = repository.insert(kind, values, company.symbol(), company.name());
        events.publishEvent(Audited.created(kind.table, created));
        return created.withUpdated(false);
    }

    /** The given ratios, or when none is given, those derived from the company's imported financials. */
    private double[] ratios(
            PredictionKind kind, UUID companyId, String year, @Nullable String quarter, @Nullable BigDecimal[] given) {
        double[] ratios = new double[given.length];
        boolean any = false;
        for (int i = 0; i < given.length; i++) {
            ratios[i] = given[i] == null ? Double.NaN : given[i].doubleValue();
            any |= given[i] != null;
        }
        if (any) {
            return ratios;
        }
        Map<String, Double> imported = metrics.ratiosOf(
                companyId, kind == PredictionKind.ANNUAL ? "annual" : "quarterly", Integer.parseInt(year), quarter);
        if (imported.isEmpty()) {
            throw InvalidInput.of(
                    kind.ratios.get(0).key(),
                    "no ratios were given and the company has no imported " + "financials for " + year
                            + (quarter == null ? "" : " " + quarter));
        }
        for (int i = 0; i < ratios.length; i++) {
            Ratio ratio = kind.ratios.get(i);
            // Imported figures can fall outside the stored ranges (negative equity, say); they are clipped like
            // training data.
            ratios[i] = ratio.clip(imported.getOrDefault(ratio.key(), Double.NaN));
        }
        return ratios;
    }

    /**
     * Adds the tree model's reasons to an uploaded prediction, which stores the scorecard's only: they are a function
     * of the model and the stored ratios, which the upload scored with.
     */
    private Prediction explained(Prediction prediction) {
        if (prediction.reasons().stream().anyMatch(r -> "gbm".equals(r.model()))
                || !models.version(prediction.kind()).equals(prediction.modelVersion())) {
            return prediction;
        }
        double[] ratios = PredictionKind.of(prediction.kind()).ratios.stream()
                .mapToDouble(r -> prediction.ratios().get(r.key()) == null
                        ? Double.NaN
                        : prediction.ratios().get(r.key()).doubleValue())
                .toArray();
        List<Reasons> reasons = new ArrayList<>(prediction.reasons());
        reasons.add(models.gbmReasons(prediction.kind(), ratios));
        return prediction.withReasons(List.copyOf(reasons));
    }

    private Prediction changeable(Caller caller, PredictionKind kind, UUID id) {
        caller.require(Permission.PREDICTIONS_WRITE);
        Prediction prediction = visible(caller, kind, id);
        caller.requireChange(prediction, "this prediction");
        return prediction;
    }

    private Prediction visible(Caller caller, PredictionKind kind, UUID id) {
        return repository.findVisible(kind, id, caller).orElseThrow(() -> new NotFound("Prediction", id));
    }
}
