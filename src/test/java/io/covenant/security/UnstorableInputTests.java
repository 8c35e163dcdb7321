package io.covenant.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.security.WriteEndpoints.Endpoint;
import io.covenant.shared.security.Role;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * NUL, oversized and malformed input on every endpoint, generated from the controllers' request mappings and
 * request types: a string field of a JSON body (at any depth) or a request parameter holding U+0000 is a 400 or 422
 * problem+json naming it; oversized strings, malformed JSON and values of the wrong type are client errors, never
 * a 500; and none of it logs a stack trace.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class UnstorableInputTests {

    private static final String NUL = "a\u0000b";

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    WriteEndpoints endpoints;

    Person admin;

    @BeforeEach
    void setUp() {
        endpoints = WriteEndpoints.of(mapping);
        admin = fixtures.person(Role.SUPER_ADMIN, fixtures.organization(null));
    }

    @Test
    void theEndpointsAreReadFromTheMappings() {
        assertThat(endpoints.withJsonBody())
                .extracting(Endpoint::toString)
                .contains(
                        "POST /api/v1/auth/login", "POST /api/v1/companies", "POST /api/v1/organizations/{id}/members");
        assertThat(endpoints.withParameters()).extracting(Endpoint::toString).contains("GET /api/v1/companies");
        assertThat(endpoints.multipart())
                .extracting(Endpoint::toString)
                .contains("POST /api/v1/uploads (multipart)", "POST /api/v1/documents (multipart)");
    }

    @Test
    void aNulInAnyStringOfAnyJsonBodyIsRefusedNamingTheField(CapturedOutput output) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints.withJsonBody()) {
            List<String> paths = new ArrayList<>();
            Object body = WriteEndpoints.sample(endpoint.bodyType(), "", paths, 0);
            for (String path : paths) {
                checked++;
                Response response = send(endpoint, WriteEndpoints.replace(body, path, NUL));
                if (!List.of(400, 422).contains(response.statusCode())
                        || !isProblem(response)
                        || !response.path("errors.field").toString().contains(path)) {
                    failures.add(
                            endpoint + " field " + path + ": " + response.statusCode() + " " + response.asString());
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(failures).isEmpty();
        assertThat(output.getAll()).doesNotContain("Unexpected failure").doesNotContain("\tat ");
    }

    @Test
    void oversizedMalformedAndMistypedBodiesAreClientErrors(CapturedOutput output) {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints.withJsonBody()) {
            List<String> paths = new ArrayList<>();
            Object body = WriteEndpoints.sample(endpoint.bodyType(), "", paths, 0);
            List<Object> variants = new ArrayList<>(List.of("{\"", "[]", "\"text\"", "{\"a\":" + "[".repeat(2000)));
            for (String path : paths) {
                variants.add(WriteEndpoints.replace(body, path, "x".repeat(20_000)));
                variants.add(WriteEndpoints.replace(body, path, Map.of("nested", List.of(1, 2))));
            }
            for (Object variant : variants) {
                Response response = send(endpoint, variant);
                if (response.statusCode() >= 500 || response.statusCode() >= 400 && !isProblem(response)) {
                    failures.add(endpoint + ": " + response.statusCode() + " " + response.asString());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(output.getAll()).doesNotContain("Unexpected failure").doesNotContain("\tat ");
    }

    @Test
    void aNulInAnyQueryParameterIsRefusedNamingIt(CapturedOutput output) {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints.withParameters()) {
            if (endpoint.multipart()) {
                continue;
            }
            for (String name : endpoint.parameters()) {
                Response response = fixtures.as(admin)
                        .urlEncodingEnabled(false)
                        .request(endpoint.method(), endpoint.path() + "?" + name + "=a%00b");
                if (response.statusCode() != 400
                        || !isProblem(response)
                        || !response.path("errors.field").toString().contains(name)) {
                    failures.add(endpoint + " ?" + name + ": " + response.statusCode() + " " + response.asString());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(output.getAll()).doesNotContain("Unexpected failure").doesNotContain("\tat ");
    }

    @Test
    void aNulInAFormFieldOrAnUploadedTextFileIsRefused(CapturedOutput output) {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints.multipart()) {
            for (String file : endpoint.fileParts()) {
                Response response = fixtures.as(admin)
                        .contentType("multipart/form-data")
                        .multiPart(file, "rows.csv", "name,value\nfirst,1\nsec\u0000ond,2\n".getBytes())
                        .request(endpoint.method(), endpoint.path());
                // 415 where a file's type is judged by its bytes, and a NUL makes it binary.
                if (!List.of(400, 415, 422).contains(response.statusCode()) || !isProblem(response)) {
                    failures.add(endpoint + " file " + file + ": " + response.statusCode() + " " + response.asString());
                }
            }
            for (String name : endpoint.parameters()) {
                Response response = fixtures.as(admin)
                        .contentType("multipart/form-data")
                        .multiPart(endpoint.fileParts().get(0), "text.txt", "plain text".getBytes())
                        .multiPart(name, NUL)
                        .request(endpoint.method(), endpoint.path());
                if (!List.of(400, 422).contains(response.statusCode())
                        || !isProblem(response)
                        || !response.path("errors.field").toString().contains(name)) {
                    failures.add(
                            endpoint + " field " + name + ": " + response.statusCode() + " " + response.asString());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(output.getAll()).doesNotContain("Unexpected failure").doesNotContain("\tat ");
    }

    private Response send(Endpoint endpoint, Object body) {
        var request = fixtures.as(admin);
        if (body instanceof String raw) {
            request.body(raw);
        } else {
            request.body(body);
        }
        return request.request(endpoint.method(), endpoint.path());
    }

    private static boolean isProblem(Response response) {
        return String.valueOf(response.contentType()).startsWith("application/problem+json");
    }
}
