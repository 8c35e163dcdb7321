package io.covenant.search;

import io.covenant.shared.security.AccessLevel;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What can change of a document once ingested; its content cannot (new content is a new document). Null keeps. */
public record DocumentUpdate(
        @Size(min = 1, max = 500) String title,

        @Pattern(
                regexp =
                        "sec_filing|annual_report|earnings_transcript|press_release|research_report|news|presentation|other",
                message =
                        "must be one of sec_filing, annual_report, earnings_transcript, press_release, research_report, news, presentation, other")
        String documentType,

        @Size(max = 20) String formType,
        LocalDate documentDate,
        AccessLevel accessLevel) {}
