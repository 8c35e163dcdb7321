package io.covenant.search.web;

import io.covenant.search.DocumentUpdate;
import io.covenant.search.DocumentView;
import io.covenant.search.Documents;
import io.covenant.search.IngestCommand;
import io.covenant.search.Passage;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.text.StorableText;
import io.covenant.shared.web.ItemEndpoints;
import io.covenant.shared.web.PageParams;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents to search: ingest as JSON or as an uploaded file, list, read a passage; read, change and delete one by id
 * ({@link ItemEndpoints}).
 */
@RestController
@RequestMapping("/api/v1/documents")
record DocumentController(Documents service) implements ItemEndpoints<DocumentView, DocumentUpdate> {

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentView> ingest(Caller caller, @Valid @RequestBody IngestCommand command) {
        return created(service.ingest(caller, command));
    }

    /** Multipart {@code file} (text, Markdown or HTML) with the same fields as the JSON form as parts. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentView> upload(
            Caller caller,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "company_id", required = false) UUID companyId,
            @RequestParam(name = "filing_id", required = false) UUID filingId,
            @RequestParam(required = false) String title,
            @RequestParam(name = "document_type", required = false) String documentType,
            @RequestParam(name = "form_type", required = false) String formType,
            @RequestParam(name = "document_date", required = false) LocalDate documentDate,
            @RequestParam(name = "access_level", required = false) String accessLevel)
            throws IOException {
        if (file.isEmpty()) {
            throw InvalidInput.of("file", "is empty");
        }
        String content;
        try {
            content = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.getBytes()))
                    .toString();
        } catch (CharacterCodingException ex) {
            throw InvalidInput.of("file", "is not UTF-8 text, Markdown or HTML");
        }
        int unstorable = StorableText.firstUnstorable(content);
        if (unstorable >= 0) {
            long line = content.substring(0, unstorable)
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            throw InvalidInput.of(
                    "file",
                    "is not readable text: line " + line + " " + StorableText.problem(content, unstorable)
                            + " (a binary file, or text not encoded as UTF-8?)");
        }
        StorableText.require("file", file.getOriginalFilename());
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        String mime = name.endsWith(".htm") || name.endsWith(".html")
                ? "text/html"
                : name.endsWith(".md") ? "text/markdown" : file.getContentType();
        if (mime != null
                && !mime.startsWith("text/")
                && !mime.contains("html")
                && !mime.equals("application/octet-stream")) {
            throw InvalidInput.of("file", "is " + mime + "; documents are text, Markdown or HTML");
        }
        return created(service.ingest(
                caller,
                new IngestCommand(
                        companyId,
                        filingId,
                        title != null ? title : file.getOriginalFilename(),
                        documentType,
                        formType,
                        documentDate,
                        null,
                        "application/octet-stream".equals(mime) ? null : mime,
                        content,
                        AccessLevel.parse(accessLevel))));
    }

    @GetMapping("/{id}/chunks/{index}")
    Passage passage(Caller caller, @PathVariable UUID id, @PathVariable int index) {
        return service.passage(caller, id, index);
    }

    @GetMapping
    CursorPage<DocumentView> list(
            Caller caller,
            @RequestParam(name = "company_id", required = false) UUID companyId,
            @ParameterObject PageParams page) {
        return page.page(
                service.list(caller, companyId, page.after(), page.size()), d -> Cursor.of(d.createdAt(), d.id()));
    }

    private static ResponseEntity<DocumentView> created(DocumentView document) {
        if (Boolean.TRUE.equals(document.duplicate())) {
            return ResponseEntity.ok(document);
        }
        return ResponseEntity.created(URI.create("/api/v1/documents/" + document.id()))
                .body(document);
    }
}
