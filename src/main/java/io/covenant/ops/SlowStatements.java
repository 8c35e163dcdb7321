package io.covenant.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every statement the application runs and keeps the latest ones over the threshold, whatever the database:
 * an external server without {@code pg_stat_statements} still shows its slow statements here. Texts are logged
 * normalised, with literals replaced by {@code ?}, so no bound or inlined value reaches the log.
 */
public class SlowStatements {

    private static final Logger log = LoggerFactory.getLogger(SlowStatements.class);

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");

    private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<![\\w$.])-?\\d+(?:\\.\\d+)?(?![\\w.])");

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private static final int MAX_TEXT = 2000;

    private final long thresholdNanos;

    private final int kept;

    private final Deque<SlowStatement> latest = new ArrayDeque<>();

    private final Timer statements;

    private final Counter slow;

    SlowStatements(OpsProperties properties, MeterRegistry registry) {
        this.thresholdNanos = properties.slowQueryThreshold().toNanos();
        this.kept = properties.slowStatementsKept();
        this.statements = Timer.builder("covenant.db.statements")
                .description("Statements the application ran, as the JDBC driver timed them")
                .publishPercentileHistogram()
                .register(registry);
        this.slow = Counter.builder("covenant.db.slow.statements")
                .description("Statements slower than covenant.ops.slow-query-threshold")
                .register(registry);
    }

    void record(String sql, long nanos) {
        statements.record(nanos, TimeUnit.NANOSECONDS);
        if (nanos < thresholdNanos) {
            return;
        }
        slow.increment();
        String text = normalise(sql);
        double millis = nanos / 1_000_000.0;
        log.warn("Slow statement ({} ms): {}", Math.round(millis), text);
        synchronized (latest) {
            latest.addFirst(new SlowStatement(text, millis, Instant.now()));
            while (latest.size() > kept) {
                latest.removeLast();
            }
        }
    }

    /** The latest slow statements, newest first. */
    public List<SlowStatement> latest() {
        synchronized (latest) {
            return new ArrayList<>(latest);
        }
    }

    public long thresholdMillis() {
        return thresholdNanos / 1_000_000;
    }

    static String normalise(String sql) {
        if (sql == null) {
            return "";
        }
        String text = STRING_LITERAL.matcher(sql).replaceAll("?");
        text = NUMBER_LITERAL.matcher(text).replaceAll("?");
        text = SPACE.matcher(text).replaceAll(" ").trim();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }

    /** One statement over the threshold, as the application saw it. */
    public record SlowStatement(String query, double durationMs, Instant at) {}
}
