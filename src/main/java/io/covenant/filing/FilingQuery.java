package io.covenant.filing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Filters of a filing list: company, form types and a filing-date range; each optional. */
public record FilingQuery(UUID companyId, List<String> formTypes, LocalDate from, LocalDate to) {}
