package io.covenant.upload.web;

import io.covenant.shared.concurrent.DaemonThreads;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import io.covenant.upload.UploadJob;
import io.covenant.upload.Uploads;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent progress of upload jobs. Each stream re-reads its job as the caller twice a second and sends it when it
 * changed, so a job processed on another node is followed just as well; the stream ends with the job.
 */
@Component
@RequiredArgsConstructor
class ProgressStreams {

    private static final long INTERVAL_MS = 500;

    private static final Duration TIMEOUT = Duration.ofHours(1);

    private final Uploads uploads;

    private final ScheduledExecutorService timer =
            Executors.newScheduledThreadPool(1, DaemonThreads.named("upload-progress"));

    SseEmitter follow(Caller caller, UUID id) {
        UploadJob first = uploads.get(caller, id);
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        AtomicReference<UploadJob> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable send = () -> {
            try {
                UploadJob job = last.get() == null ? first : Callers.runAs(caller, () -> uploads.get(caller, id));
                if (!job.equals(last.get())) {
                    emitter.send(SseEmitter.event()
                            .name("progress")
                            .id(job.processedRows() + "-" + job.status())
                            .data(job, MediaType.APPLICATION_JSON));
                    last.set(job);
                }
                if (job.finished()) {
                    emitter.complete();
                    cancel(task);
                }
            } catch (IOException | RuntimeException ex) {
                emitter.completeWithError(ex);
                cancel(task);
            }
        };
        emitter.onCompletion(() -> cancel(task));
        emitter.onTimeout(() -> cancel(task));
        emitter.onError(ex -> cancel(task));
        task.set(timer.scheduleWithFixedDelay(send, 0, INTERVAL_MS, TimeUnit.MILLISECONDS));
        return emitter;
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> future = task.get();
        if (future != null) {
            future.cancel(false);
        }
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
