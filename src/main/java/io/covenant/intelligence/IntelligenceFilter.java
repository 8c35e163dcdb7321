package io.covenant.intelligence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the intelligence list: company (primary or related), event type, date and sentiment ranges. */
public record IntelligenceFilter(
        @Nullable UUID companyId,
        @Nullable String eventType,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable BigDecimal sentimentMin,
        @Nullable BigDecimal sentimentMax) {}
