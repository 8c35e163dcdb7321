package io.covenant.prediction;

import org.springframework.modulith.NamedInterface;

/**
 * Platt scaling: calibrated log-odds = slope x raw log-odds + offset. Being affine, it keeps the reasons additive:
 * each contribution is multiplied by the slope and the offset joins the intercept.
 */
@NamedInterface("model")
public record Calibration(double slope, double offset) {

    public double logit(double raw) {
        return slope * raw + offset;
    }

    public static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
