package io.covenant.upload;

import io.covenant.shared.concurrent.DaemonThreads;
import io.covenant.shared.concurrent.Signal;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The durable job runner: one thread that claims jobs from PostgreSQL ({@code FOR UPDATE SKIP LOCKED}, so several
 * nodes share the work) and processes them one at a time. A claim is a lease renewed by every batch; when a node
 * dies its job's lease runs out and any runner, this node's after a restart included, takes the job over and
 * resumes it from its last batch. Uploads on this node wake it at once; otherwise it looks every poll interval.
 */
@Component
@RequiredArgsConstructor
class UploadRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UploadRunner.class);

    private final UploadRepository repository;

    private final UploadProcessor processor;

    private final UploadProperties properties;

    private final String node = "runner-" + UUID.randomUUID();

    private final Signal signal = new Signal();

    private volatile boolean running;

    private ExecutorService thread;

    /** Work may be waiting: look now instead of at the next poll. */
    void wake() {
        signal.wake();
    }

    @Override
    public synchronized void start() {
        if (running || !properties.runner()) {
            return;
        }
        running = true;
        thread = Executors.newSingleThreadExecutor(DaemonThreads.named("upload-runner"));
        thread.submit(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                Optional<UploadRepository.Claim> claim = repository.claim(node, properties.lease());
                if (claim.isPresent()) {
                    log.info(
                            "Processing upload {} (attempt {}, after row {})",
                            claim.get().id(),
                            claim.get().attempts(),
                            claim.get().processedRows());
                    processor.process(claim.get(), node, () -> running);
                    continue;
                }
                // A wake-up that came while the claim found nothing counts: no upload waits for the next poll.
                if (!signal.await(properties.pollInterval())) {
                    return;
                }
            } catch (RuntimeException ex) {
                log.warn("The upload runner could not claim work: {}", ex.getMessage());
                // Back off for a poll interval, unless an upload or a stop wakes the runner first.
                signal.await(properties.pollInterval());
            }
        }
    }

    /**
     * Stops taking work. The job in progress stops at its next batch boundary and is handed back, so that the next
     * runner to look (this node's after a restart) resumes it at once.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
