package io.covenant.upload;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.hash.Sha256;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a job of an uploaded file. A file is checked whole before a job exists (its type, size, header and row
 * count), so a file that cannot be processed is refused at once and leaves nothing behind; the same file again from
 * the same owner returns the job it already has.
 */
@Component
record UploadIntake(
        UploadRepository repository,
        FileInspector inspector,
        UploadRunner runner,
        ApplicationEventPublisher events,
        TransactionTemplate transaction) {

    /** Refuses a file, or a request said to carry one, larger than the limit (413). */
    void requireWithinLimit(long size, long envelope) {
        inspector.requireWithinLimit(size, envelope);
    }

    /** A new job for the file, or the job this owner already has for it ({@code duplicate} set). */
    UploadJob accept(Caller caller, JobType type, String accessLevel, String filename, byte[] content) {
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

    private static String name(String filename) {
        String name = filename == null || filename.isBlank() ? "upload" : filename.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
