package io.covenant.edgar.web;

import io.covenant.edgar.EdgarImporter;
import io.covenant.edgar.ImportResult;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import io.covenant.shared.text.StorableText;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports a company from SEC EDGAR: online by ticker or CIK, or from an uploaded EDGAR JSON document. */
@RestController
record EdgarController(EdgarImporter importer) {

    private static final long MAX_DOCUMENT = 50L * 1024 * 1024;

    @PostMapping(path = "/api/v1/companies/import/edgar", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<ImportResult> online(Caller caller, @RequestBody EdgarRequest request) {
        return importer.importOnline(caller, request.ticker(), request.cik());
    }

    @PostMapping(path = "/api/v1/companies/import/edgar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<ImportResult> file(
            Caller caller, @RequestParam("file") MultipartFile file, @RequestParam(required = false) String ticker)
            throws IOException {
        if (file.isEmpty()) {
            throw InvalidInput.of("file", "is empty");
        }
        if (file.getSize() > MAX_DOCUMENT) {
            throw InvalidInput.of("file", "is larger than 50 MB");
        }
        return List.of(importer.importDocument(
                caller, file.getBytes(), ticker, StorableText.require("file", file.getOriginalFilename())));
    }

    record EdgarRequest(String ticker, String cik) {}
}
