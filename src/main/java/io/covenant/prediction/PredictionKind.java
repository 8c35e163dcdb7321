package io.covenant.prediction;

import io.covenant.shared.error.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The two prediction tables and what differs between them; clients name them {@code annual} and {@code quarterly}. */
public enum PredictionKind {
    ANNUAL("annual_predictions", Ratio.ANNUAL, "probability", "company_id, reporting_year"),
    QUARTERLY(
            "quarterly_predictions",
            Ratio.QUARTERLY,
            "ensemble_probability",
            "company_id, reporting_year, reporting_quarter");

    final String table;

    final List<Ratio> ratios;

    /** The probability that sets the risk level, filters and dashboards. */
    final String probability;

    // The conflict targets of a repeat by owner: the organisation's unique constraint, and the partial unique
    // indexes that close its gap (NULL organisations are distinct) for personal and system rows.
    final String organizationKey;

    final String personalKey;

    final String systemKey;

    /** {@code companyPeriod} lists the columns that name the company and period a prediction is for. */
    PredictionKind(String table, List<Ratio> ratios, String probability, String companyPeriod) {
        this.table = table;
        this.ratios = ratios;
        this.probability = probability;
        this.organizationKey = "unique_" + label() + "_prediction";
        this.personalKey = "(" + companyPeriod + ", created_by) WHERE access_level = 'personal'";
        this.systemKey = "(" + companyPeriod + ") WHERE access_level = 'system'";
    }

    /** The {@code kind} of a request: an unknown one is a resource that does not exist. */
    public static PredictionKind of(String kind) {
        return switch (kind) {
            case "annual" -> ANNUAL;
            case "quarterly" -> QUARTERLY;
            default -> throw new NotFound("Not found", "No prediction kind '" + kind + "'; use annual or quarterly");
        };
    }

    /** The columns an upload writes, in the order it writes them. */
    List<String> importColumns() {
        List<String> columns = new ArrayList<>(List.of("company_id", "reporting_year"));
        if (this == QUARTERLY) {
            columns.add("reporting_quarter");
        }
        columns.addAll(List.of("logistic_probability", "gbm_probability", probability));
        columns.addAll(List.of("risk_level", "confidence"));
        ratios.forEach(r -> columns.add(r.key()));
        columns.addAll(List.of(
                "model_version", "explanation", "predicted_at", "access_level", "organization_id", "created_by"));
        return columns;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
