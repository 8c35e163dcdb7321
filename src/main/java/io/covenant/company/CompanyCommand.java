package io.covenant.company;

import io.covenant.shared.security.AccessLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Create or replace a company profile. {@code access_level} defaults to {@code organization} for members of an
 * organisation and {@code personal} otherwise; only a super_admin writes {@code system} companies.
 */
public record CompanyCommand(
        @NotBlank
        @Pattern(
                regexp = "\\s*[A-Za-z0-9][A-Za-z0-9.\\-]{0,9}\\s*",
                message = "must be 1-10 letters, digits, '.' or '-'")
        String symbol,

        @Pattern(regexp = "\\d{1,10}", message = "must be up to 10 digits") @Nullable
        String cik,

        @NotBlank @Size(max = 255) String name,
        @Size(max = 255) @Nullable String legalName,
        @Size(max = 50) @Nullable String category,
        @NotBlank @Size(max = 100) String sector,
        @Size(max = 100) @Nullable String subsector,
        @Size(max = 100) @Nullable String industry,
        @Size(max = 50) @Nullable List<@NotBlank @Size(max = 100) String> subcategory,
        @Size(max = 50) @Nullable List<@NotBlank @Size(max = 100) String> monetizationStrategy,

        @Pattern(regexp = "\\d{4}", message = "must be 4 digits") @Nullable
        String sicCode,

        @Min(1800) @Max(2100) @Nullable Integer foundedYear,
        @Size(max = 255) @Nullable String headquarters,
        @Positive @Nullable Integer employeeCount,
        @Positive @Nullable Long marketCap,

        @Pattern(regexp = "[A-Z]{2,3}", message = "must be an ISO country code such as USA") @Nullable
        String country,

        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO currency code such as USD") @Nullable
        String currency,

        @Size(max = 10) @Nullable String exchange,
        @Size(max = 255) @Nullable String website,
        @Size(max = 20000) @Nullable String description,

        @Pattern(regexp = "\\d{4}", message = "must be MMDD") @Nullable
        String fiscalYearEnd,

        @Nullable AccessLevel accessLevel) {

    /** The symbol as stored: trimmed and upper-case. */
    public String normalizedSymbol() {
        return symbol.trim().toUpperCase(Locale.ROOT);
    }

    /** A CIK as stored: ten digits with leading zeros. */
    public String normalizedCik() {
        return cik == null ? null : "%010d".formatted(Long.parseLong(cik));
    }
}
