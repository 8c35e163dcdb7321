package io.covenant.prediction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The drift of every organisation's predictions of the last {@link DriftProperties#window()}, as Prometheus gauges
 * per model and ratio ({@code covenant_prediction_drift_psi} and {@code covenant_prediction_drift_outside_range},
 * tagged {@code kind} and {@code ratio}), measured every {@link DriftProperties#refresh()} rather than per scrape,
 * since each measurement scans the window's predictions.
 */
@Component
class DriftGauges {

    private final Drift drift;

    private final DriftProperties properties;

    private final Map<String, Drift.RatioDrift> latest = new ConcurrentHashMap<>();

    DriftGauges(Drift drift, DriftProperties properties, MeterRegistry registry) {
        this.drift = drift;
        this.properties = properties;
        for (PredictionKind kind : PredictionKind.values()) {
            for (Ratio ratio : kind.ratios) {
                String key = kind.label() + "/" + ratio.key();
                Gauge.builder("covenant.prediction.drift.psi", latest, m -> value(m, key, true))
                        .description(
                                "Population stability index of the ratio's scored inputs against the training data")
                        .tags("kind", kind.label(), "ratio", ratio.key())
                        .register(registry);
                Gauge.builder("covenant.prediction.drift.outside.range", latest, m -> value(m, key, false))
                        .description("Share of the ratio's scored inputs outside the range seen in training")
                        .tags("kind", kind.label(), "ratio", ratio.key())
                        .register(registry);
            }
        }
    }

    /** Measures the window again; the gauges show NaN until the first measurement. */
    @Scheduled(
            initialDelayString = "${covenant.prediction.drift.refresh:PT5M}",
            fixedDelayString = "${covenant.prediction.drift.refresh:PT5M}")
    void refresh() {
        refresh(OffsetDateTime.now(ZoneOffset.UTC).minus(properties.window()));
    }

    /** Measures the predictions scored since {@code from}. */
    void refresh(OffsetDateTime from) {
        for (PredictionKind kind : PredictionKind.values()) {
            List<Drift.RatioDrift> ratios = drift.everywhere(kind.label(), from).ratios();
            ratios.forEach(r -> latest.put(kind.label() + "/" + r.ratio(), r));
        }
    }

    private static double value(Map<String, Drift.RatioDrift> latest, String key, boolean psi) {
        Drift.RatioDrift r = latest.get(key);
        return r == null ? Double.NaN : psi ? r.psi() : r.outsideTrainingRange();
    }
}
