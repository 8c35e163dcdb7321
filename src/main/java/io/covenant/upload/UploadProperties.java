package io.covenant.upload;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxFileSize the largest file accepted
 * @param maxRows the most data rows a file may have
 * @param batchSize rows written per transaction, the unit a job resumes from
 * @param pollInterval how often an idle runner looks for work (uploads on this node wake it at once)
 * @param lease how long a runner's claim on a job lasts without a heartbeat before another runner takes it over
 * @param maxAttempts how many times a job is started before it is failed instead of resumed again
 * @param runner whether this node processes jobs
 */
@Validated
@ConfigurationProperties("covenant.upload")
record UploadProperties(
        @NotNull DataSize maxFileSize,
        @Min(1) int maxRows,
        @Min(1) int batchSize,
        @NotNull Duration pollInterval,
        @NotNull Duration lease,
        @Min(1) int maxAttempts,
        boolean runner) {}
