package io.covenant.intelligence;

import io.covenant.shared.paging.Dated;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Owned;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A market intelligence event. */
public record IntelligenceEvent(
        UUID id,
        String eventType,
        String title,
        @Nullable String summary,
        @Nullable String content,
        @Nullable String source,
        @Nullable String sourceUrl,
        LocalDate eventDate,
        @Nullable UUID primaryCompanyId,
        List<UUID> relatedCompanies,
        @Nullable BigDecimal sentimentScore,
        @Nullable BigDecimal confidenceScore,
        @Nullable String impactAssessment,
        @Nullable UUID organizationId,
        AccessLevel accessLevel,
        UUID createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt)
        implements Owned, Dated {}
