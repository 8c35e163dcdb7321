package io.covenant.upload;

import io.covenant.shared.security.AccessLevel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bulk upload job as the API shows it: the file, the progress counters and status, and what happened on the way
 * ({@code processing_logs}). {@code duplicate} is true when an upload found this job for the same file.
 */
public record UploadJob(
        UUID id,
        String jobType,
        String status,
        String originalFilename,
        String fileFormat,
        long fileSize,
        String fileHash,
        int totalRows,
        int processedRows,
        int successCount,
        int errorCount,
        AccessLevel accessLevel,
        UUID organizationId,
        UUID createdBy,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        String errorMessage,
        List<Map<String, Object>> processingLogs,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Boolean duplicate) {

    static final List<String> FINISHED = List.of("completed", "failed", "cancelled");

    public boolean finished() {
        return FINISHED.contains(status);
    }

    UploadJob asDuplicate() {
        return new UploadJob(
                id,
                jobType,
                status,
                originalFilename,
                fileFormat,
                fileSize,
                fileHash,
                totalRows,
                processedRows,
                successCount,
                errorCount,
                accessLevel,
                organizationId,
                createdBy,
                startedAt,
                completedAt,
                errorMessage,
                processingLogs,
                createdAt,
                updatedAt,
                true);
    }
}
