package io.covenant.upload;

import io.covenant.identity.Accounts;
import io.covenant.shared.error.DomainException;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes a claimed job as the user who uploaded it: streams the file's rows, validates each, and hands them to
 * the {@link BatchWriter} a batch at a time, the next batches read ahead on a thread of their own ({@link ReadAhead}) so
 * that parsing overlaps the database's writing of the current one. A resumed job reads the rows it already stored again only to rebuild
 * which company and period each row claimed, and writes from its checkpoint on, so no row is written twice.
 */
@Component
record UploadProcessor(
        UploadRepository repository, BatchWriter writer, Accounts accounts, UploadProperties properties) {

    private static final Logger log = LoggerFactory.getLogger(UploadProcessor.class);

    /** Processes the job while {@code keepGoing} holds; when it stops holding, the job is handed back at a batch boundary. */
    void process(UploadRepository.Claim claim, String node, BooleanSupplier keepGoing) {
        if (claim.attempts() > properties.maxAttempts()) {
            repository.finish(
                    claim.id(),
                    node,
                    "failed",
                    "The job was started " + properties.maxAttempts() + " times without finishing",
                    "failed: too many attempts");
            return;
        }
        Optional<Caller> caller = accounts.actingAs(claim.createdBy(), claim.permissions());
        if (caller.isEmpty()) {
            repository.finish(
                    claim.id(),
                    node,
                    "failed",
                    "The uploader's account is no longer active",
                    "failed: the uploader's account is no longer active");
            return;
        }
        long started = System.nanoTime();
        try {
            Callers.runAs(caller.get(), () -> {
                run(new BatchWriter.Job(claim.id(), node, claim.type(), claim.level(), caller.get()), claim, keepGoing);
                return null;
            });
        } catch (DomainException ex) {
            repository.finish(claim.id(), node, "failed", ex.getMessage(), "failed: " + ex.getMessage());
        } catch (RuntimeException ex) {
            log.error("Upload {} failed", claim.id(), ex);
            repository.finish(
                    claim.id(),
                    node,
                    "failed",
                    "Processing failed unexpectedly; the rows stored before stay",
                    "failed: " + ex.getClass().getSimpleName());
        }
        log.info("Upload {} left after {} ms", claim.id(), (System.nanoTime() - started) / 1_000_000);
    }

    private void run(BatchWriter.Job job, UploadRepository.Claim claim, BooleanSupplier keepGoing) {
        byte[] content = repository.file(job.id());
        long started = System.nanoTime();
        RowSource rows = RowSource.open(claim.format(), content);
        RowParser parser;
        try {
            parser = new RowParser(Columns.of(job.type(), rows.next()));
        } catch (RuntimeException ex) {
            rows.close();
            throw ex;
        }
        int index;
        int written = claim.processedRows();
        try (ReadAhead ahead =
                new ReadAhead(rows, parser, claim.processedRows(), properties.batchSize(), writer::problems)) {
            while (true) {
                ReadAhead.Batch batch = ahead.next();
                if (batch.end()) {
                    index = batch.lastRow();
                    break;
                }
                // A full batch is a batch boundary: a stopping service hands the job back there.
                if (batch.rows().size() == properties.batchSize() && !keepGoing.getAsBoolean()) {
                    repository.release(
                            job.id(), job.node(), batch.lastRow() - batch.rows().size());
                    return;
                }
                if (!writer.write(job, batch.rows(), batch.checked())) {
                    return;
                }
                written = batch.lastRow();
            }
        } catch (InterruptedException ex) {
            // Stopping while the next batch was being read: handed back after the batches written.
            repository.release(job.id(), job.node(), written);
            Thread.currentThread().interrupt();
            return;
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        repository.finish(job.id(), job.node(), "completed", null, "completed: " + index + " rows in " + ms + " ms");
    }
}
