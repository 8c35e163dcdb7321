package io.covenant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 13, defect 4 beyond JSON and parameters: errors the container answers itself are problem+json (a header
 * over 8 KB is 431), uploaded files with NUL bytes are refused as unreadable naming the row or line, and a
 * malformed EDGAR document is a 422 naming what is wrong; none of it logs a stack trace.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class ContainerAndDocumentErrorTests {

    @Autowired
    Fixtures fixtures;

    @Test
    void aHeaderOver8KbIsProblemJson431() {
        fixtures.anonymous()
                .header("X-Padding", "x".repeat(9_000))
                .get("/api/v1/companies")
                .then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("status", equalTo(431))
                .body("detail", containsString("header"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemJson() {
        Person person = fixtures.person(Role.USER, null);
        fixtures.as(person).get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        fixtures.as(person).delete("/api/v1/auth/login").then().statusCode(405).contentType("application/problem+json");
        fixtures.anonymous().get("/error").then().contentType("application/problem+json");
    }

    @Test
    void aCsvUploadWithANulByteIsRefusedNamingTheOffsetOrTheRow(CapturedOutput output) {
        Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        String template = fixtures.as(analyst)
                .get("/api/v1/uploads/template?type=quarterly")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String example = template.lines().skip(1).findFirst().orElseThrow();
        // Early in the file, the type sniffing finds it: binary, at this byte offset.
        upload(analyst, template + "X\u0000" + example + "\n")
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("offset " + (template.length() + 1)));
        // Past the sniffed 64 KB, the row and column.
        StringBuilder csv = new StringBuilder(template);
        int rows = 1;
        while (csv.length() < 70_000) {
            csv.append(example).append('\n');
            rows++;
        }
        csv.append("X\u0000").append(example).append('\n');
        upload(analyst, csv.toString())
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("file"))
                .body("detail", containsString("row " + (rows + 2) + ", column 1"));
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    private ValidatableResponse upload(Person person, String csv) {
        return fixtures.as(person)
                .contentType("multipart/form-data")
                .multiPart("file", "rows.csv", csv.getBytes(StandardCharsets.UTF_8))
                .multiPart("job_type", "quarterly")
                .post("/api/v1/uploads")
                .then();
    }

    @Test
    void aTextDocumentWithANulByteIsRefusedNamingTheLine(CapturedOutput output) {
        Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        fixtures.as(analyst)
                .contentType("multipart/form-data")
                .multiPart("file", "notes.txt", "first line\nsecond\u0000line\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/documents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("file"))
                .body("detail", containsString("line 2"));
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    void aMalformedCompanyFactsFileIsA422NamingTheBadValue(CapturedOutput output) {
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);
        String facts = """
				{"cik": 1318605, "entityName": "Broken Facts Inc.", "facts": {"us-gaap": {"Revenues": {"units": {"USD": [
				{"start": "2023-01-01", "end": "not-a-date", "val": 100, "accn": "0001", "fy": 2023, "fp": "FY",
				 "form": "10-K", "filed": "2024-01-30"}]}}}}}""";
        fixtures.as(admin)
                .contentType("multipart/form-data")
                .multiPart("file", "companyfacts.json", facts.getBytes(StandardCharsets.UTF_8))
                .multiPart("ticker", "BRKN")
                .post("/api/v1/companies/import/edgar")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Revenues.units.USD[0].end"))
                .body("detail", containsString("not-a-date"));
        fixtures.as(admin)
                .contentType("multipart/form-data")
                .multiPart(
                        "file",
                        "companyfacts.json",
                        facts.replace("not-a-date", "2023-12-31")
                                .replace("Broken Facts", "Nul\\u0000Facts")
                                .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/companies/import/edgar")
                .then()
                .statusCode(422)
                .body("detail", containsString("byte offset"));
        assertThat(output.getAll()).doesNotContain("Unexpected failure").doesNotContain("\tat ");
    }
}
