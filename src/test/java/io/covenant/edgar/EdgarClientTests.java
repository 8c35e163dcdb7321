package io.covenant.edgar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EDGAR client over real HTTP, against a local server that serves the stored SEC responses. */
class EdgarClientTests {

    HttpServer server;

    List<String> userAgents = new CopyOnWriteArrayList<>();

    List<Long> arrivals = new CopyOnWriteArrayList<>();

    AtomicInteger throttled = new AtomicInteger(2);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            arrivals.add(System.nanoTime());
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/files/company_tickers.json") && throttled.getAndDecrement() > 0) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                exchange.sendResponseHeaders(429, -1);
            } else if (path.equals("/files/company_tickers.json")) {
                byte[] body = Files.readAllBytes(Path.of("..", "shared", "data", "sec", "company_tickers.json"));
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (path.equals("/api/xbrl/companyfacts/CIK0001318605.json")) {
                byte[] body = Files.readAllBytes(
                        Path.of("..", "shared", "data", "sec", "companyfacts_CIK0001318605_TSLA.json"));
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (path.startsWith("/broken")) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsTheUserAgentAndRetriesThrottledAnswers() {
        byte[] map = client("Covenant Tests ops@example.com", 10, 3).tickerMap();
        assertThat(new String(map, 0, 20)).startsWith("{");
        assertThat(userAgents).hasSize(3).allMatch("Covenant Tests ops@example.com"::equals);
    }

    @Test
    void keepsUnderTheConfiguredRate() {
        EdgarClient client = client("Covenant Tests ops@example.com", 5, 0);
        for (int i = 0; i < 6; i++) {
            client.companyFacts("0001318605");
        }
        Duration spread = Duration.ofNanos(arrivals.get(arrivals.size() - 1) - arrivals.get(0));
        // Six requests at five per second are five intervals of 200 ms apart (less the first connection set-up).
        assertThat(spread).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void failsClearlyWhenEdgarKeepsFailingOrHasNothing() {
        EdgarClient client = client("Covenant Tests ops@example.com", 10, 2);
        assertThatThrownBy(() -> client.get(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/broken")))
                .isInstanceOf(EdgarClient.EdgarUnavailable.class)
                .hasMessageContaining("503");
        assertThat(userAgents).hasSize(3);
        assertThatThrownBy(() -> client.submissions("0000000001")).isInstanceOf(EdgarClient.EdgarNotFound.class);
    }

    @Test
    void refusesToFetchWithoutAUserAgent() {
        assertThatThrownBy(() -> client("", 10, 0).tickerMap())
                .isInstanceOf(EdgarClient.EdgarUnavailable.class)
                .hasMessageContaining("User-Agent");
        assertThat(userAgents).isEmpty();
    }

    private EdgarClient client(String userAgent, int perSecond, int retries) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new EdgarClient(new EdgarProperties(userAgent, base, base, perSecond, retries, Duration.ofSeconds(10)));
    }
}
