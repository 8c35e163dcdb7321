package io.covenant.intelligence;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the report list: a covered company, report type, status, and a period the report overlaps. */
public record ReportFilter(
        @Nullable UUID companyId,
        @Nullable String reportType,
        @Nullable String status,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {}
