package io.covenant.intelligence;

import io.covenant.shared.security.AccessLevel;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
        @Size(max = 5000) String summary,
        @Size(max = 100_000) String content,
        @Size(max = 200) String source,
        @Size(max = 1000) String sourceUrl,
        @NotNull LocalDate eventDate,
        UUID primaryCompanyId,
        @Size(max = 100) List<UUID> relatedCompanies,
        @DecimalMin("-1") @DecimalMax("1") BigDecimal sentimentScore,
        @DecimalMin("0") @DecimalMax("1") BigDecimal confidenceScore,
        @Size(max = 5000) String impactAssessment,
        AccessLevel accessLevel) {

    /** The related companies, none when the field is absent. */
    List<UUID> relatedCompanyIds() {
        return relatedCompanies == null ? List.of() : relatedCompanies;
    }
}
