package io.covenant.prediction;

import java.util.UUID;

/**
 * One prediction of an upload: the row of the file it came from, the company, the period and its ratios (in
 * {@link Ratio#ANNUAL} or {@link Ratio#QUARTERLY} order, NaN where missing, already within their ranges).
 */
public record PredictionRow(
        int rowNumber, UUID companyId, String reportingYear, String reportingQuarter, double[] ratios) {}
