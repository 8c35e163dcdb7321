package io.covenant.prediction;

import org.springframework.modulith.NamedInterface;

/**
 * Risk levels from a calibrated probability of default within a year: Low below {@code medium}, High from
 * {@code high}, Medium between. With a base rate near 4%, 5% and 20% separate "about average" from "several times
 * the average" and "one in five".
 */
@NamedInterface("model")
public record RiskThresholds(double medium, double high) {

    public static final RiskThresholds DEFAULT = new RiskThresholds(0.05, 0.20);

    public String levelOf(double probability) {
        return probability >= high ? "High" : probability >= medium ? "Medium" : "Low";
    }

    /**
     * How far the probability sits from the nearest threshold, on the log-odds scale: 0 on a threshold, 1 at two
     * log-odds units or more away.
     */
    public double margin(double probability) {
        double p = Math.min(1 - 1e-9, Math.max(1e-9, probability));
        double logit = Math.log(p / (1 - p));
        double toMedium = Math.abs(logit - Math.log(medium / (1 - medium)));
        double toHigh = Math.abs(logit - Math.log(high / (1 - high)));
        return Math.min(1, Math.min(toMedium, toHigh) / 2);
    }
}
