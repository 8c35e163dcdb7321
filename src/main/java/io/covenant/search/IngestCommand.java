package io.covenant.search;

import io.covenant.shared.security.AccessLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A document to ingest: its text ({@code content}: plain text, Markdown or HTML, told apart by {@code mime_type} or
 * by its first bytes), what it is and whom it belongs to. With a {@code filing_id} the form and date come from the
 * filing.
 */
public record IngestCommand(
        @Nullable UUID companyId,
        @Nullable UUID filingId,
        @Size(max = 500) @Nullable String title,

        @Pattern(
                regexp =
                        "sec_filing|annual_report|earnings_transcript|press_release|research_report|news|presentation|other",
                message =
                        "must be one of sec_filing, annual_report, earnings_transcript, press_release, research_report, news, presentation, other")
        @Nullable
        String documentType,

        @Size(max = 20) @Nullable String formType,
        @Nullable LocalDate documentDate,
        @Size(max = 1000) @Nullable String sourceUrl,
        @Size(max = 100) @Nullable String mimeType,
        @NotBlank String content,
        @Nullable AccessLevel accessLevel) {}
