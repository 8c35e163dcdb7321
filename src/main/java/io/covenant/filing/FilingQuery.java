package io.covenant.filing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of a filing list: company, form types and a filing-date range; each optional. */
public record FilingQuery(
        @Nullable UUID companyId,
        @Nullable List<String> formTypes,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {}
