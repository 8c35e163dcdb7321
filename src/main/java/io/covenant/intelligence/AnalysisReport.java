package io.covenant.intelligence;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.covenant.shared.paging.Dated;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Owned;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An analysis report; findings and recommendations are JSON arrays. */
public record AnalysisReport(
        UUID id,
        String reportType,
        String title,
        @Nullable String executiveSummary,
        @JsonRawValue String keyFindings,
        @JsonRawValue String recommendations,
        List<UUID> companyIds,
        @Nullable LocalDate periodStart,
        @Nullable LocalDate periodEnd,
        @Nullable BigDecimal confidenceScore,
        String status,
        @Nullable UUID organizationId,
        AccessLevel accessLevel,
        UUID createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt)
        implements Owned, Dated {}
