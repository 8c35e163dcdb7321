package io.covenant.edgar;

import io.covenant.shared.error.DomainException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A polite EDGAR client: sends the configured User-Agent, keeps under the configured requests per second across
 * threads, and retries 429 and 5xx answers with exponential backoff (honouring Retry-After).
 */
@Component
@RequiredArgsConstructor
class EdgarClient {

    private static final Logger log = LoggerFactory.getLogger(EdgarClient.class);

    private final EdgarProperties properties;

    /** Made at the first request: a client sets up TLS, which cost the start-up path 0.3-0.8 s for a rarely used import. */
    private volatile HttpClient http;

    private long nextSlotNanos;

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(properties.timeout())
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    byte[] tickerMap() {
        return get(properties.filesBaseUrl().resolve("/files/company_tickers.json"));
    }

    byte[] submissions(String cik10) {
        return get(properties.dataBaseUrl().resolve("/submissions/CIK" + cik10 + ".json"));
    }

    byte[] companyFacts(String cik10) {
        return get(properties.dataBaseUrl().resolve("/api/xbrl/companyfacts/CIK" + cik10 + ".json"));
    }

    byte[] get(URI uri) {
        if (!StringUtils.hasText(properties.userAgent())) {
            throw new EdgarUnavailable("SEC requires a User-Agent naming you; set COVENANT_EDGAR_USER_AGENT "
                    + "(\"Company Name admin@example.com\") or import local files instead");
        }
        for (int attempt = 0; ; attempt++) {
            pace();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(properties.timeout())
                    .header("User-Agent", properties.userAgent())
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            HttpResponse<byte[]> response;
            try {
                response = http().send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException ex) {
                if (attempt >= properties.maxRetries()) {
                    throw new EdgarUnavailable("EDGAR did not answer " + uri + ": " + ex.getMessage());
                }
                backoff(attempt, null);
                continue;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new EdgarUnavailable("Interrupted while fetching " + uri);
            }
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if (status == 404) {
                throw new EdgarNotFound("EDGAR has nothing at " + uri.getPath());
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || attempt >= properties.maxRetries()) {
                throw new EdgarUnavailable("EDGAR answered " + status + " for " + uri.getPath());
            }
            log.info("EDGAR answered {} for {}; retrying", status, uri.getPath());
            backoff(attempt, response.headers().firstValue("Retry-After").orElse(null));
        }
    }

    /** Spaces requests at least 1/requestsPerSecond apart, whichever thread sends them. */
    private void pace() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long interval = 1_000_000_000L / properties.requestsPerSecond();
            long slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + interval;
            wait = slot - now;
        }
        sleep(Duration.ofNanos(wait));
    }

    private static void backoff(int attempt, String retryAfter) {
        Duration delay = Duration.ofMillis(250L << Math.min(attempt, 6));
        if (retryAfter != null && retryAfter.matches("\\d{1,3}")) {
            delay = Duration.ofSeconds(Long.parseLong(retryAfter));
        }
        sleep(delay);
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        LockSupport.parkNanos(duration.toNanos());
    }

    /** EDGAR could not be reached or refused us. */
    static class EdgarUnavailable extends DomainException {

        EdgarUnavailable(String detail) {
            super(HttpStatus.BAD_GATEWAY, "edgar-unavailable", "EDGAR unavailable", detail);
        }
    }

    /** EDGAR knows no such company. */
    static class EdgarNotFound extends DomainException {

        EdgarNotFound(String detail) {
            super(HttpStatus.NOT_FOUND, "edgar-not-found", "Not found at EDGAR", detail);
        }
    }
}
