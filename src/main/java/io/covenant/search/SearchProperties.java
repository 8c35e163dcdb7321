package io.covenant.search;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param indexDirectory where the Lucene vector index lives, beside the data
 * @param chunkSize the characters a chunk holds at most (a sentence longer than that is cut at a space)
 * @param chunkOverlap the characters of sentences a chunk repeats from the one before it
 * @param maxDocumentSize the largest document accepted
 * @param pollInterval how often the indexer looks at the outbox when nothing woke it
 */
@Validated
@ConfigurationProperties("covenant.search")
record SearchProperties(
        @NotNull Path indexDirectory,
        @Min(100) int chunkSize,
        @Min(0) int chunkOverlap,
        @NotNull DataSize maxDocumentSize,
        @NotNull Duration pollInterval) {}
