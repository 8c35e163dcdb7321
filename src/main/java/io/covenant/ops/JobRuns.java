package io.covenant.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs one maintenance job and records it: a row in {@code maintenance_runs} (last run, duration, outcome, whatever
 * node ran it) and the {@code covenant.jobs} timer tagged with the job and its outcome.
 */
@Component
class JobRuns {

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

    private final JdbcClient jdbc;

    private final MeterRegistry registry;

    private final String node;

    JobRuns(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.node = nodeName();
    }

    /** Registers the job's timers up front, so that a scrape (and an alert) sees them before the first failure. */
    void declare(String job) {
        timer(job, "succeeded");
        timer(job, "failed");
    }

    String run(String job, Supplier<String> work) {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        long start = System.nanoTime();
        String outcome = "failed";
        String detail = null;
        try {
            detail = work.get();
            outcome = "succeeded";
            return detail;
        } catch (RuntimeException ex) {
            detail = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            log.error("Maintenance job {} failed", job, ex);
            throw ex;
        } finally {
            long nanos = System.nanoTime() - start;
            timer(job, outcome).record(Duration.ofNanos(nanos));
            jdbc.sql("""
					INSERT INTO maintenance_runs (job, node, started_at, duration_ms, outcome, detail)
					VALUES (:job, :node, :started, :duration, :outcome, :detail)""")
                    .param("job", job)
                    .param("node", node)
                    .param("started", started)
                    .param("duration", nanos / 1_000_000)
                    .param("outcome", outcome)
                    .param("detail", detail)
                    .update();
        }
    }

    private Timer timer(String job, String outcome) {
        return Timer.builder("covenant.jobs")
                .description("Maintenance job runs")
                .tag("task", job)
                .tag("outcome", outcome)
                .register(registry);
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/"
                    + ManagementFactory.getRuntimeMXBean().getPid();
        } catch (UnknownHostException ex) {
            return "unknown/" + ManagementFactory.getRuntimeMXBean().getPid();
        }
    }
}
