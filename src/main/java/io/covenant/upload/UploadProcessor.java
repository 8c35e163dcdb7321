package io.covenant.upload;

import io.covenant.identity.Accounts;
import io.covenant.shared.error.DomainException;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes a claimed job as the user who uploaded it: streams the file's rows, validates each, and hands them to
 * the {@link BatchWriter} a batch at a time. A resumed job reads the rows it already stored again only to rebuild
 * which company and period each row claimed, and writes from its checkpoint on, so no row is written twice.
 */
@Component
class UploadProcessor {

    private static final Logger log = LoggerFactory.getLogger(UploadProcessor.class);

    private final UploadRepository repository;

    private final BatchWriter writer;

    private final Accounts accounts;

    private final UploadProperties properties;

    UploadProcessor(UploadRepository repository, BatchWriter writer, Accounts accounts, UploadProperties properties) {
        this.repository = repository;
        this.writer = writer;
        this.accounts = accounts;
        this.properties = properties;
    }

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
        Map<String, Integer> claimed = new HashMap<>();
        long started = System.nanoTime();
        int index = 0;
        try (RowSource rows = RowSource.open(claim.format(), content)) {
            RowParser parser = new RowParser(Columns.of(job.type(), rows.next()));
            List<ParsedRow> batch = new ArrayList<>(properties.batchSize());
            while (rows.hasNext()) {
                SourceRow source = rows.next();
                if (source.blank()) {
                    continue;
                }
                ParsedRow row = firstFor(parser.parse(source), claimed);
                if (++index <= claim.processedRows()) {
                    continue;
                }
                batch.add(row);
                if (batch.size() == properties.batchSize()) {
                    if (!keepGoing.getAsBoolean()) {
                        repository.release(job.id(), job.node(), index - batch.size());
                        return;
                    }
                    if (!writer.write(job, batch)) {
                        return;
                    }
                    batch.clear();
                }
            }
            if (!batch.isEmpty() && !writer.write(job, batch)) {
                return;
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        repository.finish(job.id(), job.node(), "completed", null, "completed: " + index + " rows in " + ms + " ms");
    }

    /** A second row for a company and period already in the file is an error, not a silent overwrite. */
    private static ParsedRow firstFor(ParsedRow row, Map<String, Integer> claimed) {
        if (!row.valid()) {
            return row;
        }
        Integer first = claimed.putIfAbsent(row.key(), row.number());
        if (first == null) {
            return row;
        }
        return new ParsedRow(
                row.number(),
                row.symbol(),
                row.company(),
                row.year(),
                row.quarter(),
                row.ratios(),
                List.of(new RowError(
                        row.number(), "symbol", row.symbol(), "repeats the company and period of row " + first)));
    }
}
