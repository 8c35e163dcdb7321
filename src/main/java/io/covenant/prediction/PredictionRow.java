package io.covenant.prediction;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One prediction of an upload: the row of the file it came from, the company, the period (no quarter for an annual
 * row) and its ratios (in {@link Ratio#ANNUAL} or {@link Ratio#QUARTERLY} order, NaN where missing, already within
 * their ranges).
 */
public record PredictionRow(
        int rowNumber,
        UUID companyId,
        String reportingYear,
        @Nullable String reportingQuarter,
        double[] ratios) {}
