package io.covenant.prediction;

import io.covenant.shared.audit.AuditAction;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.jdbc.CopyRows;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores a batch of an upload at once and writes it with COPY: each row becomes a prediction, or replaces the one
 * for the same company, period and owner when the caller may change that one; rows it may not replace are refused.
 */
@Service
@RequiredArgsConstructor
public class PredictionImports {

    private final PredictionRepository repository;

    @Lazy
    private final RiskModels models;

    private final ApplicationEventPublisher events;

    private final JsonMapper json;

    /** Writes the rows at {@code level}, in the transaction in progress; companies must be ones the caller may use. */
    @Transactional
    public ImportedPredictions write(Caller caller, String kind, AccessLevel level, List<PredictionRow> rows) {
        caller.require(Permission.PREDICTIONS_WRITE);
        PredictionKind k = PredictionKind.of(kind);
        UUID organization = caller.organizationFor(level);
        if (rows.isEmpty()) {
            return new ImportedPredictions(0, 0, Map.of());
        }
        CopyRows copy = copy(k, rows, level, organization, caller.userId());
        Map<String, Boolean> written = repository.importBatch(k, copy, level, caller);
        Map<Integer, String> refused = new HashMap<>();
        int created = 0;
        for (PredictionRow row : rows) {
            Boolean inserted =
                    written.get(PredictionRepository.key(row.companyId(), row.reportingYear(), row.reportingQuarter()));
            if (inserted == null) {
                refused.put(
                        row.rowNumber(),
                        "a prediction for this company and period exists and only its creator, "
                                + "an org_admin or a super_admin may replace it");
            } else if (inserted) {
                created++;
            }
        }
        int updated = rows.size() - created - refused.size();
        events.publishEvent(new Audited(
                k.table + ".bulk_imported",
                k.table,
                null,
                AuditAction.CREATE,
                null,
                Map.of("created", created, "updated", updated, "refused", refused.size()),
                organization,
                null,
                Map.of()));
        return new ImportedPredictions(created, updated, refused);
    }

    private CopyRows copy(
            PredictionKind kind, List<PredictionRow> rows, AccessLevel level, UUID organization, UUID user) {
        int d = kind.ratios.size();
        double[] matrix = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            double[] ratios = rows.get(i).ratios();
            for (int j = 0; j < d; j++) {
                // Scored as stored (four decimals), so that reasons computed later from the row are the same.
                matrix[i * d + j] = Double.isNaN(ratios[j])
                        ? Double.NaN
                        : Scores.stored(ratios[j]).doubleValue();
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CopyRows copy = new CopyRows();
        List<Scores.Scored> scores = kind == PredictionKind.QUARTERLY
                ? models.scoreQuarterly(matrix, rows.size())
                : models.scoreAnnual(matrix, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PredictionRow row = rows.get(i);
            Scores.Scored s = scores.get(i);
            copy.row().value(row.companyId()).value(row.reportingYear());
            if (kind == PredictionKind.QUARTERLY) {
                copy.value(row.reportingQuarter());
            }
            copy.value(Scores.stored(s.logisticProbability()))
                    .value(Scores.stored(s.gbmProbability()))
                    .value(Scores.stored(s.ensembleProbability()))
                    .value(s.riskLevel())
                    .value(Scores.stored(s.confidence()));
            ratios(copy, row);
            copy.value(s.modelVersion()).value(json.writeValueAsString(Map.of("reasons", s.reasons())));
            owner(copy, now, level, organization, user);
        }
        return copy;
    }

    private static void ratios(CopyRows copy, PredictionRow row) {
        for (double ratio : row.ratios()) {
            copy.value(Double.isNaN(ratio) ? null : Scores.stored(ratio));
        }
    }

    private static void owner(CopyRows copy, OffsetDateTime now, AccessLevel level, UUID organization, UUID user) {
        copy.value(now).value(level.value()).value(organization).value(user);
    }
}
