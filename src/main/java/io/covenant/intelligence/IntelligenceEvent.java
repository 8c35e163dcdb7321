package io.covenant.intelligence;

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
        String summary,
        String content,
        String source,
        String sourceUrl,
        LocalDate eventDate,
        UUID primaryCompanyId,
        List<UUID> relatedCompanies,
        BigDecimal sentimentScore,
        BigDecimal confidenceScore,
        String impactAssessment,
        @Nullable UUID organizationId,
        AccessLevel accessLevel,
        UUID createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt)
        implements Owned {}
