package io.covenant.prediction.web;

import io.covenant.prediction.PredictionFilter;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of a prediction list, bound as one record ({@code @Parameter} repeats each
 * {@code @BindParam} name for springdoc, which does not read it: springdoc-openapi#2652).
 */
record PredictionListParams(
        @Parameter(name = "company_id") @BindParam("company_id") @Nullable
        UUID companyId,

        @Parameter(name = "reporting_year") @BindParam("reporting_year") @Nullable
        String reportingYear,

        @Parameter(name = "reporting_quarter") @BindParam("reporting_quarter") @Nullable
        String reportingQuarter,

        @Parameter(name = "risk_level") @BindParam("risk_level") @Nullable
        String riskLevel,

        @Parameter(name = "probability_min") @BindParam("probability_min") @Nullable
        BigDecimal probabilityMin,

        @Parameter(name = "probability_max") @BindParam("probability_max") @Nullable
        BigDecimal probabilityMax,

        @Nullable String sector,
        @Nullable String cursor,
        @Nullable Integer limit) {

    PredictionFilter filter() {
        return new PredictionFilter(
                companyId, reportingYear, reportingQuarter, riskLevel, probabilityMin, probabilityMax, sector);
    }
}
