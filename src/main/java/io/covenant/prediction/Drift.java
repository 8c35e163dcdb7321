package io.covenant.prediction;

import io.covenant.prediction.ModelArtifact.Distribution;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Input drift of scored predictions against the models' training data, per ratio: the population stability index
 * over the training deciles and the missing bin ({@code sum (actual - expected) ln(actual / expected)}; below 0.1
 * stable, above 0.25 a shift worth acting on), and the share of inputs outside the range seen in training.
 */
@Service
@RequiredArgsConstructor
public class Drift {

    /** Shares below this count as this, so an empty bin gives a large but finite index. */
    static final double FLOOR = 1e-4;

    /** The drift of one ratio. */
    public record RatioDrift(String ratio, double psi, double outsideTrainingRange, double missing) {}

    /** The drift of the predictions of one kind scored in a period; an open end of the period is null. */
    public record Report(
            String kind,
            String modelVersion,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            long predictions,
            List<RatioDrift> ratios) {}

    private final DriftRepository repository;

    @Lazy
    private final RiskModels models;

    /** The caller's organisation's predictions (another's for a super_admin) scored in [from, to). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Report of(
            Caller caller,
            @Nullable UUID organizationId,
            PredictionKind kind,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to) {
        UUID org = Dashboards.organization(caller, organizationId);
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidInput.of("from", "must be before to");
        }
        return measure(kind, "organization_id = :org", org, from, to);
    }

    /** Every organisation's predictions scored since {@code from}: what the Prometheus gauges show. */
    Report everywhere(String kind, OffsetDateTime from) {
        return measure(PredictionKind.of(kind), "TRUE", null, from, null);
    }

    private Report measure(
            PredictionKind kind,
            String scope,
            @Nullable UUID org,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to) {
        ModelArtifact artifact = kind == PredictionKind.ANNUAL ? models.annualArtifact() : models.quarterlyArtifact();
        List<RatioDrift> ratios = new ArrayList<>();
        long total = 0;
        for (Distribution expected : artifact.distributions()) {
            Counts counts = repository.counts(kind, scope, org, from, to, expected);
            total = counts.total();
            ratios.add(counts.drift(expected));
        }
        return new Report(kind.label(), artifact.version(), from, to, total, ratios);
    }

    record Counts(long[] bins, long outside) {

        long total() {
            return Arrays.stream(bins).sum();
        }

        RatioDrift drift(Distribution expected) {
            long total = total();
            if (total == 0) {
                return new RatioDrift(expected.ratio(), 0, 0, 0);
            }
            double psi = 0;
            for (int b = 0; b < bins.length; b++) {
                double actual = Math.max(FLOOR, (double) bins[b] / total);
                double share = Math.max(FLOOR, expected.shares()[b]);
                psi += (actual - share) * Math.log(actual / share);
            }
            return new RatioDrift(
                    expected.ratio(),
                    round(psi),
                    round((double) outside / total),
                    round((double) bins[bins.length - 1] / total));
        }

        private static double round(double v) {
            return Math.round(v * 10_000) / 10_000.0;
        }
    }
}
