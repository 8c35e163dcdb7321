package io.covenant.intelligence;

import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.OwnedCommand;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Create or replace a market intelligence event. */
public record IntelligenceCommand(
        @NotBlank
        @Pattern(
                regexp =
                        "funding|acquisition|partnership|product_launch|earnings|regulatory|leadership_change|layoff|ipo|litigation|other",
                message =
                        "must be one of funding, acquisition, partnership, product_launch, earnings, regulatory, leadership_change, layoff, ipo, litigation, other")
        String eventType,

        @NotBlank @Size(max = 500) String title,
        @Size(max = 5000) @Nullable String summary,
        @Size(max = 100_000) @Nullable String content,
        @Size(max = 200) @Nullable String source,
        @Size(max = 1000) @Nullable String sourceUrl,
        @NotNull LocalDate eventDate,
        @Nullable UUID primaryCompanyId,
        @Size(max = 100) @Nullable List<UUID> relatedCompanies,
        @DecimalMin("-1") @DecimalMax("1") @Nullable BigDecimal sentimentScore,
        @DecimalMin("0") @DecimalMax("1") @Nullable BigDecimal confidenceScore,
        @Size(max = 5000) @Nullable String impactAssessment,
        @Nullable AccessLevel accessLevel)
        implements OwnedCommand, CompanyLinks {

    /** The primary company when there is one, then the related companies (none when the field is absent). */
    @Override
    public Map<String, Collection<UUID>> companyLinks() {
        Map<String, Collection<UUID>> links = new LinkedHashMap<>();
        if (primaryCompanyId != null) {
            links.put("primary_company_id", List.of(primaryCompanyId));
        }
        links.put("related_companies", relatedCompanyIds());
        return links;
    }

    /** The related companies, none when the field is absent. */
    List<UUID> relatedCompanyIds() {
        return relatedCompanies == null ? List.of() : relatedCompanies;
    }
}
