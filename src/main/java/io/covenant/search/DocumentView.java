package io.covenant.search;

import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Owned;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A document as the API shows it: what it is, whose it is, and the sections and chunks it was split into. */
public record DocumentView(
        UUID id,
        String title,
        String documentType,
        String mimeType,
        UUID companyId,
        UUID filingId,
        String formType,
        LocalDate documentDate,
        String contentHash,
        int characters,
        int chunkCount,
        List<String> sections,
        String embeddingModel,
        AccessLevel accessLevel,
        @Nullable UUID organizationId,
        UUID createdBy,
        OffsetDateTime createdAt,
        Boolean duplicate)
        implements Owned {

    DocumentView asDuplicate() {
        return new DocumentView(
                id,
                title,
                documentType,
                mimeType,
                companyId,
                filingId,
                formType,
                documentDate,
                contentHash,
                characters,
                chunkCount,
                sections,
                embeddingModel,
                accessLevel,
                organizationId,
                createdBy,
                createdAt,
                true);
    }
}
