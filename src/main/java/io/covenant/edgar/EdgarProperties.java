package io.covenant.edgar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How Covenant talks to SEC EDGAR.
 *
 * @param userAgent the User-Agent SEC requires ("Company Name admin@example.com"); online fetches refuse to run
 * without it
 * @param dataBaseUrl base of data.sec.gov (submissions and XBRL APIs)
 * @param filesBaseUrl base of www.sec.gov (ticker map and archives)
 * @param requestsPerSecond the pace, kept under SEC's limit of 10
 * @param maxRetries retries of a 429 or 5xx answer, with exponential backoff
 * @param timeout per-request timeout
 */
@Validated
@ConfigurationProperties("covenant.edgar")
record EdgarProperties(
        String userAgent,
        @NotNull URI dataBaseUrl,
        @NotNull URI filesBaseUrl,
        @Min(1) @Max(10) int requestsPerSecond,
        @Min(0) @Max(10) int maxRetries,
        @NotNull Duration timeout) {}
