package io.covenant.intelligence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Filters of the intelligence list: company (primary or related), event type, date and sentiment ranges. */
public record IntelligenceFilter(
        UUID companyId,
        String eventType,
        LocalDate from,
        LocalDate to,
        BigDecimal sentimentMin,
        BigDecimal sentimentMax) {}
