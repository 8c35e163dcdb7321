package io.covenant.search;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a search is limited to: a company, a filing form, a section (an item code such as {@code 1a}, or a section
 * title, both lower case) and a range of document dates. Null means any.
 */
record SearchFilter(UUID companyId, String form, String item, String section, LocalDate from, LocalDate to) {}
