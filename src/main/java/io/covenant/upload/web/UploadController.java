package io.covenant.upload.web;

import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.paging.Limits;
import io.covenant.shared.security.Caller;
import io.covenant.shared.text.StorableText;
import io.covenant.shared.web.ItemReadEndpoint;
import io.covenant.shared.web.PageParams;
import io.covenant.upload.JobType;
import io.covenant.upload.RowError;
import io.covenant.upload.Templates;
import io.covenant.upload.UploadJob;
import io.covenant.upload.UploadStatus;
import io.covenant.upload.Uploads;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Bulk uploads: send a file, follow its job (read it by id: {@link ItemReadEndpoint}), read or download the rows that
 * were not stored, cancel it.
 */
@RestController
@RequestMapping("/api/v1/uploads")
record UploadController(Uploads service, ProgressStreams streams) implements ItemReadEndpoint<UploadJob> {

    /** Room for the multipart envelope around the file. */
    private static final long ENVELOPE = 64 * 1024;

    /**
     * Multipart: {@code file}, {@code job_type} (annual or quarterly), optional {@code access_level}. The declared
     * length is checked before a byte of the body is read, so a 2 GB claim costs nothing.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    // The parts are read from the raw request (see above), so the API description is told what they are.
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schemaProperties = {
                                @SchemaProperty(
                                        name = "file",
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        format = "binary",
                                                        description =
                                                                "CSV (UTF-8) or XLSX; download the template for the columns")),
                                @SchemaProperty(
                                        name = "job_type",
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        allowableValues = {"annual", "quarterly"})),
                                @SchemaProperty(
                                        name = "access_level",
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        allowableValues = {"personal", "organization", "system"}))
                            }))
    ResponseEntity<UploadJob> upload(Caller caller, HttpServletRequest request) throws IOException {
        service.requireWithinLimit(request.getContentLengthLong(), ENVELOPE);
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw InvalidInput.of("file", "is required as a multipart/form-data part");
        }
        MultipartFile file = multipart.getFile("file");
        if (file == null) {
            throw InvalidInput.of("file", "is required as a multipart/form-data part");
        }
        service.requireWithinLimit(file.getSize(), 0);
        UploadJob job = service.accept(
                caller,
                JobType.of(StorableText.require("job_type", multipart.getParameter("job_type"))),
                StorableText.require("access_level", multipart.getParameter("access_level")),
                StorableText.require("file", file.getOriginalFilename()),
                file.getBytes());
        if (Boolean.TRUE.equals(job.duplicate())) {
            return ResponseEntity.ok(job);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/uploads/" + job.id()))
                .body(job);
    }

    @GetMapping(path = "/template", produces = "text/csv")
    ResponseEntity<String> template(@RequestParam(defaultValue = "quarterly") String type) {
        String csv = Templates.csv(JobType.of(type));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"covenant-" + type + "-template.csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(csv);
    }

    @GetMapping
    CursorPage<UploadJob> list(
            Caller caller, @RequestParam(required = false) String status, @ParameterObject PageParams page) {
        return service.list(caller, UploadStatus.parse(status), page.cursor(), page.size());
    }

    @PostMapping("/{id}/cancel")
    UploadJob cancel(Caller caller, @PathVariable UUID id) {
        return service.cancel(caller, id);
    }

    /** Progress as server-sent events: a {@code progress} event on every change, the last when the job ends. */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Caller caller, @PathVariable UUID id) {
        return streams.follow(caller, id);
    }

    @GetMapping("/{id}/errors")
    List<RowError> errors(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(name = "after_row", defaultValue = "0") int afterRow,
            @RequestParam(required = false) Integer limit) {
        return service.errors(caller, id, afterRow, Limits.check(limit));
    }

    @GetMapping(path = "/{id}/errors.csv", produces = "text/csv")
    ResponseEntity<String> errorsCsv(Caller caller, @PathVariable UUID id) {
        String csv = Templates.errorsCsv(service.errors(caller, id, 0, Integer.MAX_VALUE));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"upload-" + id + "-errors.csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(csv);
    }
}
