package io.covenant.search;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.covenant.shared.security.AccessLevel;

/** What can change of a document once ingested; its content cannot (new content is a new document). Null keeps. */
public record DocumentUpdate(@Size(min = 1, max = 500) String title,
		@Pattern(regexp = "sec_filing|annual_report|earnings_transcript|press_release|research_report|news|presentation|other",
				message = "must be one of sec_filing, annual_report, earnings_transcript, press_release, research_report, news, presentation, other") String documentType,
		@Size(max = 20) String formType, LocalDate documentDate, AccessLevel accessLevel) {
}
