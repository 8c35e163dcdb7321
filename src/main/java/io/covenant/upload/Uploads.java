package io.covenant.upload;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.Conflict;
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.ItemReader;
import io.covenant.shared.security.Permission;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Takes uploaded files ({@link UploadIntake} checks them and makes their jobs) and keeps their jobs. */
@Service
@RequiredArgsConstructor
public class Uploads implements ItemReader<UploadJob> {

    private final UploadRepository repository;

    private final UploadIntake intake;

    private final ApplicationEventPublisher events;

    /** Refuses a file, or a request said to carry one, larger than the limit (413). */
    public void requireWithinLimit(long size, long envelope) {
        intake.requireWithinLimit(size, envelope);
    }

    /** A new job for the file, or the job this owner already has for it ({@code duplicate} set). */
    public UploadJob accept(Caller caller, JobType type, String accessLevel, String filename, byte[] content) {
        return intake.accept(caller, type, accessLevel, filename, content);
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
