package io.covenant.search;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.filing.Filing;
import io.covenant.filing.Filings;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.hash.Sha256;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.ItemService;
import io.covenant.shared.security.Permission;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests documents: text is extracted (HTML reduced with its sections), chunked, embedded and stored with its
 * chunks and an outbox row in one transaction, so that the search index always follows the database. The same
 * content again for the same company and owner returns the document it already is.
 */
@Service
@RequiredArgsConstructor
public class Documents implements ItemService<DocumentView, DocumentUpdate> {

    private final DocumentRepository repository;

    private final Embedder embedder;

    private final SearchIndex index;

    private final Companies companies;

    private final Filings filings;

    private final SearchProperties properties;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transaction;

    public DocumentView ingest(Caller caller, IngestCommand command) {
        caller.require(Permission.DOCUMENTS_WRITE);
        byte[] bytes = command.content().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > properties.maxDocumentSize().toBytes()) {
            throw InvalidInput.of(
                    "content",
                    "is " + bytes.length + " bytes; documents are limited to "
                            + properties.maxDocumentSize().toBytes());
        }
        Company company = command.companyId() == null ? null : companies.get(caller, command.companyId());
        Filing filing = command.filingId() == null ? null : filings.get(caller, command.filingId());
        if (filing != null && company != null && !filing.companyId().equals(company.id())) {
            throw InvalidInput.of("filing_id", "is a filing of another company");
        }
        if (filing != null && company == null) {
            company = companies.get(caller, filing.companyId());
        }
        AccessLevel level = caller.levelForNewRow(command.accessLevel());
        if (company != null && !fitsCompany(company, level)) {
            throw InvalidInput.of(
                    "access_level",
                    "a document cannot be seen more widely than its company ("
                            + company.accessLevel().value() + ")");
        }
        UUID organization = caller.organizationFor(level);
        String hash = Sha256.hex(bytes);
        UUID companyId = company == null ? null : company.id();
        Optional<DocumentView> same = repository.findSame(companyId, hash, level, organization, caller.userId());
        if (same.isPresent()) {
            return same.get().asDuplicate();
        }

        boolean html = command.mimeType() != null
                ? command.mimeType().contains("html")
                : TextExtractor.looksLikeHtml(command.content());
        ExtractedText text = TextExtractor.extract(command.content(), html);
        if (text.text().isBlank()) {
            throw InvalidInput.of("content", "has no text once its markup is removed");
        }
        List<Chunker.Chunk> chunks = new Chunker(properties.chunkSize(), properties.chunkOverlap()).split(text);
        List<float[]> vectors =
                embedder.embed(chunks.stream().map(Chunker.Chunk::content).toList());

        Map<String, Object> metadata = new LinkedHashMap<>();
        String form = filing != null
                ? filing.filingType()
                : command.formType() == null ? null : command.formType().strip().toUpperCase(Locale.ROOT);
        if (form != null) {
            metadata.put("form", form);
        }
        metadata.put("source_format", html ? "html" : "text");
        metadata.put(
                "sections",
                text.sections().stream()
                        .map(ExtractedText.Section::title)
                        .distinct()
                        .toList());
        metadata.put("chunk_count", chunks.size());
        metadata.put("chunk_size", properties.chunkSize());
        metadata.put("chunk_overlap", properties.chunkOverlap());
        String title = command.title() != null
                ? command.title()
                : (company != null ? company.symbol() + " " : "") + (form != null ? form : "document");
        var document = new DocumentRepository.NewDocument(
                companyId,
                filing == null ? null : filing.id(),
                title,
                command.documentType() != null ? command.documentType() : filing != null ? "sec_filing" : "other",
                html ? "text/html" : command.mimeType() != null ? command.mimeType() : "text/plain",
                command.sourceUrl() != null ? command.sourceUrl() : filing == null ? null : filing.documentUrl(),
                text.text(),
                hash,
                filing != null ? filing.filingDate() : command.documentDate(),
                metadata,
                mean(vectors),
                level,
                organization,
                caller.userId());
        DocumentView stored = transaction.execute(status -> {
            UUID id = repository.insert(document);
            repository.insertChunks(id, chunks, vectors);
            repository.outbox(id, "index");
            DocumentView view = repository.findVisible(id, caller).orElseThrow();
            events.publishEvent(Audited.created(
                    "document",
                    id,
                    Map.of("title", view.title(), "chunks", chunks.size(), "content_hash", hash),
                    organization));
            return view;
        });
        index.wake();
        return stored;
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public DocumentView get(Caller caller, UUID id) {
        caller.require(Permission.DOCUMENTS_READ);
        return repository.findVisible(id, caller).orElseThrow(() -> new NotFound("Document", id));
    }

    /** The passage a search hit points at: one chunk of a document the caller may see. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Passage passage(Caller caller, UUID id, int chunkIndex) {
        caller.require(Permission.DOCUMENTS_READ);
        return repository
                .passage(id, chunkIndex, caller)
                .orElseThrow(() -> new NotFound("Passage " + chunkIndex + " of document", id));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<DocumentView> list(Caller caller, UUID companyId, Cursor after, int limit) {
        caller.require(Permission.DOCUMENTS_READ);
        return repository.list(caller, companyId, after, limit);
    }

    /** Changes a document's description or who sees it; the index follows through the outbox. */
    @Transactional
    public DocumentView update(Caller caller, UUID id, DocumentUpdate update) {
        caller.require(Permission.DOCUMENTS_WRITE);
        DocumentView before = changeable(caller, id);
        AccessLevel level =
                update.accessLevel() == null ? before.accessLevel() : caller.levelForNewRow(update.accessLevel());
        if (before.companyId() != null && !fitsCompany(companies.get(caller, before.companyId()), level)) {
            throw InvalidInput.of("access_level", "a document cannot be seen more widely than its company");
        }
        UUID organization = level != AccessLevel.ORGANIZATION
                ? null
                : before.organizationId() != null ? before.organizationId() : caller.organizationId();
        repository.update(
                id,
                update.title(),
                update.documentType(),
                update.formType() == null ? null : update.formType().strip().toUpperCase(Locale.ROOT),
                update.documentDate(),
                level,
                organization);
        repository.outbox(id, "index");
        DocumentView after = repository.findVisible(id, caller).orElseThrow(() -> new NotFound("Document", id));
        events.publishEvent(Audited.updated("document", id, before, after, organization));
        wakeIndexAfterCommit();
        return after;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        caller.require(Permission.DOCUMENTS_WRITE);
        DocumentView document = changeable(caller, id);
        repository.softDelete(id);
        repository.outbox(id, "delete");
        events.publishEvent(
                Audited.deleted("document", id, Map.of("title", document.title()), document.organizationId()));
        wakeIndexAfterCommit();
    }

    private DocumentView changeable(Caller caller, UUID id) {
        DocumentView document = get(caller, id);
        caller.requireChange(document, "it");
        return document;
    }

    private void wakeIndexAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                index.wake();
            }
        });
    }

    /** A document is seen no more widely than its company: by everyone, its organisation, or its owner. */
    private static boolean fitsCompany(Company company, AccessLevel level) {
        return switch (company.accessLevel()) {
            case SYSTEM -> true;
            case ORGANIZATION -> level != AccessLevel.SYSTEM;
            case PERSONAL -> level == AccessLevel.PERSONAL;
        };
    }

    private static float[] mean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            return null;
        }
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return Embedder.unit(sum);
    }
}
