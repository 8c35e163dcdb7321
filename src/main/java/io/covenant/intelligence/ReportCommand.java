package io.covenant.intelligence;

import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.OwnedCommand;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Create or replace an analysis report. */
public record ReportCommand(
        @NotBlank
        @Pattern(
                regexp =
                        "competitive_landscape|company_profile|market_trends|financial_analysis|risk_assessment|sector_overview|custom",
                message =
                        "must be one of competitive_landscape, company_profile, market_trends, financial_analysis, risk_assessment, sector_overview, custom")
        String reportType,

        @NotBlank @Size(max = 500) String title,
        @Size(max = 20_000) @Nullable String executiveSummary,
        @Size(max = 200) @Nullable List<@NotBlank @Size(max = 5000) String> keyFindings,
        @Size(max = 200) @Nullable List<@NotBlank @Size(max = 5000) String> recommendations,
        @Size(max = 200) @Nullable List<UUID> companyIds,
        @Nullable LocalDate periodStart,
        @Nullable LocalDate periodEnd,
        @DecimalMin("0") @DecimalMax("1") @Nullable BigDecimal confidenceScore,

        @Pattern(regexp = "draft|published|archived", message = "must be draft, published or archived") @Nullable
        String status,

        @Nullable AccessLevel accessLevel)
        implements OwnedCommand, CompanyLinks {

    @Override
    public Map<String, Collection<UUID>> companyLinks() {
        return Map.of("company_ids", linkedCompanyIds());
    }

    /** The companies the report covers, none when the field is absent. */
    List<UUID> linkedCompanyIds() {
        return companyIds == null ? List.of() : companyIds;
    }
}
