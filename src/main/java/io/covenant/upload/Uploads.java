package io.covenant.upload;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.Conflict;
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.hash.Sha256;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes uploaded files and keeps their jobs. A file is checked whole before a job exists (its type, size, header and
 * row count), so a file that cannot be processed is refused at once and leaves nothing behind; the same file again
 * from the same owner returns the job it already has.
 */
@Service
public class Uploads {

    private final UploadRepository repository;

    private final FileInspector inspector;

    private final UploadRunner runner;

    private final UploadProperties properties;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transaction;

    Uploads(
            UploadRepository repository,
            FileInspector inspector,
            UploadRunner runner,
            UploadProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.repository = repository;
        this.inspector = inspector;
        this.runner = runner;
        this.properties = properties;
        this.events = events;
        this.transaction = transaction;
    }

    /** Refuses a file, or a request said to carry one, larger than the limit (413). */
    public void requireWithinLimit(long size, long envelope) {
        if (size > maxFileSize() + envelope) {
            throw UploadRefused.tooLarge(size, maxFileSize());
        }
    }

    private long maxFileSize() {
        return properties.maxFileSize().toBytes();
    }

    /** A new job for the file, or the job this owner already has for it ({@code duplicate} set). */
    public UploadJob accept(Caller caller, JobType type, String accessLevel, String filename, byte[] content) {
        caller.require(Permission.UPLOADS_CREATE);
        caller.require(Permission.COMPANIES_WRITE);
        caller.require(Permission.PREDICTIONS_WRITE);
        AccessLevel level = caller.levelForNewRow(AccessLevel.parse(accessLevel));
        requireWithinLimit(content.length, 0);
        FileInspector.Inspection inspection = inspector.inspect(type, content);
        String hash = Sha256.hex(content);
        UUID organization = caller.organizationFor(level);
        String note = "uploaded: " + inspection.rows() + " data rows"
                + (inspection.ignored().isEmpty()
                        ? ""
                        : "; columns ignored: " + String.join(", ", inspection.ignored()));
        UploadRepository.NewJob job = new UploadRepository.NewJob(
                name(filename),
                content.length,
                hash,
                type,
                inspection.format(),
                inspection.rows(),
                level,
                organization,
                caller.userId(),
                caller.permissions(),
                note);
        UploadJob result = transaction.execute(status -> {
            Optional<UploadJob> created = repository.insert(job);
            if (created.isEmpty()) {
                return repository
                        .findSameFile(organization, caller.userId(), type.value(), hash)
                        .orElseThrow(() -> new IllegalStateException("a job for this file exists but cannot be read"))
                        .asDuplicate();
            }
            repository.insertFile(created.get().id(), content);
            events.publishEvent(Audited.created("bulk_upload_job", created.get().id(), created.get(), organization));
            return created.get();
        });
        if (result.duplicate() == null) {
            runner.wake();
        }
        return result;
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public UploadJob get(Caller caller, UUID id) {
        caller.require(Permission.UPLOADS_READ);
        return repository.findVisible(id, caller).orElseThrow(() -> new NotFound("Upload", id));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public CursorPage<UploadJob> list(Caller caller, UploadStatus status, String cursor, int limit) {
        caller.require(Permission.UPLOADS_READ);
        return CursorPage.of(
                repository.list(caller, status == null ? null : status.wireName(), Cursor.decode(cursor), limit),
                limit,
                j -> Cursor.of(j.createdAt(), j.id()));
    }

    /** Stops a job before its next batch; the batches already written stay. */
    @Transactional
    public UploadJob cancel(Caller caller, UUID id) {
        UploadJob job = get(caller, id);
        if (!caller.mayChange(
                job.organizationId() != null ? AccessLevel.ORGANIZATION : AccessLevel.PERSONAL,
                job.organizationId(),
                job.createdBy())) {
            throw new Forbidden("Only the uploader, an org_admin of its organization or a super_admin may cancel it");
        }
        UploadJob cancelled = repository
                .cancel(
                        id,
                        "cancelled by " + caller.userId() + " after row " + job.processedRows()
                                + "; the rows stored before stay")
                .orElseThrow(() -> new JobFinished(job));
        events.publishEvent(Audited.updated("bulk_upload_job", id, job, cancelled, job.organizationId()));
        return cancelled;
    }

    /** The rows that were not stored, in file order, after row {@code afterRow}. */
    @Transactional(readOnly = true)
    public List<RowError> errors(Caller caller, UUID id, int afterRow, int limit) {
        get(caller, id);
        return repository.errors(id, afterRow, limit);
    }

    private static String name(String filename) {
        String name = filename == null || filename.isBlank() ? "upload" : filename.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** A job that already ended cannot be cancelled. */
    static final class JobFinished extends Conflict {

        JobFinished(UploadJob job) {
            super(
                    "upload-finished",
                    "Upload already ended",
                    "The upload already ended (" + job.status() + ") and cannot be cancelled");
        }
    }
}
