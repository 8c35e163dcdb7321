package io.covenant.search;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One chunk of a document as a search hit links to it: its text, section and character offsets in the document, with
 * the neighbouring chunk numbers ({@code previous}/{@code next}, null at either end) to read on.
 */
public record Passage(
        UUID documentId,
        String documentTitle,
        int chunkIndex,
        String section,
        String content,
        int startOffset,
        int endOffset,
        @Nullable Integer previous,
        @Nullable Integer next) {}
