package io.covenant.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.hash.Sha256;
import io.covenant.shared.security.Role;
import io.restassured.response.ValidatableResponse;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

@ApiTest
class UploadApiTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Environment environment;

    UUID organization;

    Person analyst;

    @BeforeEach
    void setUp() {
        organization = fixtures.organization(null);
        analyst = fixtures.person(Role.ORG_MEMBER, organization);
    }

    @Test
    void aQuarterlyCsvBecomesCompaniesAndScoredPredictions() {
        UploadFiles.Generated file = UploadFiles.quarterly("Q", 25, 0, 1);
        String id = upload(analyst, file.csv(), "quarterly.csv", "quarterly")
                .statusCode(202)
                .header("Location", startsWith("/api/v1/uploads/"))
                .body("status", equalTo("pending"))
                .body("total_rows", equalTo(100))
                .body("file_hash", equalTo(Sha256.hex(file.csv())))
                .extract()
                .path("id");
        Map<String, Object> job = awaitFinished(analyst, id);
        assertThat(job)
                .containsEntry("status", "completed")
                .containsEntry("processed_rows", 100)
                .containsEntry("success_count", 100)
                .containsEntry("error_count", 0);
        assertThat(count("SELECT count(*) FROM companies WHERE organization_id = :org"))
                .isEqualTo(25);
        assertThat(count("SELECT count(*) FROM quarterly_predictions WHERE organization_id = :org"))
                .isEqualTo(100);

        String company = fixtures.as(analyst)
                .get("/api/v1/companies/by-ticker/Q0")
                .then()
                .statusCode(200)
                .body("name", equalTo("Company Q0"))
                .body("sector", equalTo("Sector 0"))
                .extract()
                .path("id");
        fixtures.as(analyst)
                .queryParam("company_id", company)
                .get("/api/v1/predictions/quarterly")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(4))
                .body("items[0].reasons.size()", equalTo(2))
                .body("items[0].access_level", equalTo("organization"));
        assertThat((List<?>) job.get("processing_logs"))
                .extracting(e -> ((Map<?, ?>) e).get("message").toString())
                .anyMatch(m -> m.startsWith("completed: 100 rows"));
    }

    @Test
    void aFileWithAThousandMalformedRowsStoresEveryGoodRowAndReportsExactlyTheBadOnes() {
        UploadFiles.Generated file = UploadFiles.quarterly("M", 2500, 10, 2);
        assertThat(file.broken()).hasSize(1000);
        String id = upload(analyst, file.csv(), "mixed.csv", "quarterly")
                .statusCode(202)
                .extract()
                .path("id");
        Map<String, Object> job = awaitFinished(analyst, id);
        assertThat(job)
                .containsEntry("status", "completed")
                .containsEntry("processed_rows", 10_000)
                .containsEntry("success_count", 9_000)
                .containsEntry("error_count", 1_000);
        assertThat(count("SELECT count(*) FROM quarterly_predictions WHERE organization_id = :org"))
                .isEqualTo(9_000);

        String csv = fixtures.as(analyst)
                .get("/api/v1/uploads/" + id + "/errors.csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("row_number,column,value,reason");
        Set<Integer> reported = lines.stream()
                .skip(1)
                .map(l -> Integer.parseInt(l.substring(0, l.indexOf(','))))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(reported).isEqualTo(file.broken());
        assertThat(csv)
                .contains("\"debt_to_equity\",\"7.5\",\"must be between 0 and 5\"")
                .contains("\"reporting_quarter\",\"Q5\",\"must be one of Q1, Q2, Q3, Q4\"")
                .contains("\"current_ratio\",\"abc\",\"must be a number\"");
        fixtures.as(analyst)
                .queryParam("limit", 2)
                .get("/api/v1/uploads/" + id + "/errors")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].row_number", equalTo(11));
    }

    @Test
    void theJobListPagesNewestFirstAndKeepsOnlyTheStatusAskedFor() {
        List<String> newestFirst = new ArrayList<>();
        for (String prefix : List.of("LA", "LB", "LC")) {
            String id = upload(analyst, UploadFiles.quarterly(prefix, 2, 0, 5).csv(), prefix + ".csv", "quarterly")
                    .statusCode(202)
                    .extract()
                    .path("id");
            awaitFinished(analyst, id);
            newestFirst.add(0, id);
        }
        String next = fixtures.as(analyst)
                .queryParam("limit", 2)
                .get("/api/v1/uploads")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(newestFirst.subList(0, 2)))
                .extract()
                .path("next_cursor");
        fixtures.as(analyst)
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/api/v1/uploads")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(newestFirst.subList(2, 3)))
                .body("next_cursor", nullValue());
        fixtures.as(analyst)
                .queryParam("status", "completed")
                .get("/api/v1/uploads")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(newestFirst));
        fixtures.as(analyst)
                .queryParam("status", "failed")
                .get("/api/v1/uploads")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void theSameFileAgainFromTheSameOrganisationReturnsTheExistingJob() {
        byte[] csv = UploadFiles.quarterly("D", 3, 0, 3).csv();
        String id = upload(analyst, csv, "a.csv", "quarterly")
                .statusCode(202)
                .extract()
                .path("id");
        Person colleague = fixtures.person(Role.ORG_MEMBER, organization);
        upload(colleague, csv, "renamed.csv", "quarterly")
                .statusCode(200)
                .body("id", equalTo(id))
                .body("duplicate", equalTo(true));
        awaitFinished(analyst, id);
        upload(analyst, csv, "a.csv", "quarterly").statusCode(200).body("id", equalTo(id));
        assertThat(count("SELECT count(*) FROM bulk_upload_jobs WHERE organization_id = :org"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM quarterly_predictions WHERE organization_id = :org"))
                .isEqualTo(12);
    }

    @Test
    void malformedFilesAreRefusedWithAProblemAndLeaveNoJob() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        upload(analyst, png, "chart.png", "quarterly")
                .statusCode(415)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://covenant.dev/problems/unsupported-file"))
                .body("detail", containsString("not a CSV or XLSX"));
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[0] = 'x';
        upload(analyst, junk, "data.csv", "quarterly").statusCode(415).body("detail", containsString("CSV or XLSX"));
        upload(analyst, new byte[0], "empty.csv", "quarterly")
                .statusCode(422)
                .body("detail", containsString("it is empty"));
        upload(analyst, "symbol,name\nA,B\n".getBytes(StandardCharsets.UTF_8), "short.csv", "quarterly")
                .statusCode(422)
                .body("errors.field", hasItem("reporting_quarter"))
                .body("errors.field", hasItem("working_capital_to_total_assets"))
                .body("errors.message", hasItem("is a required column and the header does not have it"));
        upload(
                        analyst,
                        (UploadFiles.QUARTERLY_HEADER + "\n").getBytes(StandardCharsets.UTF_8),
                        "header.csv",
                        "quarterly")
                .statusCode(422)
                .body("detail", containsString("no data rows"));
        upload(analyst, UploadFiles.quarterly("W", 1, 0, 1).csv(), "q.csv", "weekly")
                .statusCode(422)
                .body("errors[0].field", equalTo("job_type"));
        upload(analyst, UploadFiles.xlsxBomb(), "bomb.xlsx", "quarterly")
                .statusCode(422)
                .body("detail", containsString("decompression bomb"));
        byte[] notAWorkbook = zipOf("readme.txt", "hello");
        upload(analyst, notAWorkbook, "archive.xlsx", "quarterly")
                .statusCode(422)
                .body("detail", containsString("not a readable XLSX workbook"));
        assertThat(claimOfTwoGigabytes())
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("files are limited to");
        assertThat(count("SELECT count(*) FROM bulk_upload_jobs WHERE created_by = :user"))
                .isZero();
    }

    @Test
    void headersMatchWhateverTheirCaseAndSpacingAndTheTemplateUploadsAsItIs() {
        String template = fixtures.as(analyst)
                .queryParam("type", "annual")
                .get("/api/v1/uploads/template")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertThat(template.lines().findFirst().orElseThrow())
                .isEqualTo("symbol,name,sector,subsector,industry,"
                        + "category,country,currency,exchange,market_cap,employee_count,founded_year,headquarters,website,"
                        + "reporting_year,long_term_debt_to_total_capital,total_debt_to_ebitda,net_income_margin,"
                        + "ebit_to_interest_expense,return_on_assets");
        String id = upload(analyst, template.getBytes(StandardCharsets.UTF_8), "template.csv", "annual")
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(awaitFinished(analyst, id)).containsEntry("success_count", 1);

        String loose = "\uFEFFTicker, Company Name ,SECTOR,Reporting Year,Reporting-Quarter,Current Ratio,QUICK_RATIO,"
                + "debt to equity,InventoryTurnover,receivables turnover,Working Capital To Total Assets,Notes\n"
                + "lsx,Loose Inc,Tech,2023,2,1.5,1.1,0.8,9,7,0.2,ignored\n";
        String looseId = upload(analyst, loose.getBytes(StandardCharsets.UTF_8), "loose.csv", "quarterly")
                .statusCode(202)
                .extract()
                .path("id");
        Map<String, Object> job = awaitFinished(analyst, looseId);
        assertThat(job).containsEntry("success_count", 1);
        assertThat(job.get("processing_logs").toString()).contains("columns ignored: Notes");
        fixtures.as(analyst)
                .get("/api/v1/companies/by-ticker/LSX")
                .then()
                .statusCode(200)
                .body("name", equalTo("Loose Inc"));
    }

    @Test
    void progressStreamsAsServerSentEventsUntilTheJobEnds() throws Exception {
        String id = upload(analyst, UploadFiles.quarterly("S", 500, 0, 4).csv(), "s.csv", "quarterly")
                .statusCode(202)
                .extract()
                .path("id");
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port() + "/api/v1/uploads/" + id + "/events"))
                                .header("Authorization", "Bearer " + analyst.accessToken())
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> lines = response.body().toList();
        List<String> data = lines.stream().filter(l -> l.startsWith("data:")).toList();
        assertThat(lines).contains("event:progress");
        assertThat(data.get(data.size() - 1))
                .contains("\"status\":\"completed\"")
                .contains("\"processed_rows\":2000");
    }

    @Test
    void aJobCanBeCancelledByItsUploaderAndItsOrgAdminButNotByAColleague() {
        Person colleague = fixtures.person(Role.ORG_MEMBER, organization);
        Person admin = fixtures.person(Role.ORG_ADMIN, organization);
        Person stranger = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        String id = upload(analyst, UploadFiles.quarterly("C", 20_000, 0, 5).csv(), "big.csv", "quarterly")
                .statusCode(202)
                .extract()
                .path("id");
        fixtures.as(stranger).get("/api/v1/uploads/" + id).then().statusCode(404);
        fixtures.as(colleague).get("/api/v1/uploads/" + id).then().statusCode(200);
        fixtures.as(colleague).post("/api/v1/uploads/" + id + "/cancel").then().statusCode(403);
        fixtures.as(admin)
                .post("/api/v1/uploads/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("cancelled"));
        Map<String, Object> job = awaitFinished(analyst, id);
        assertThat(job).containsEntry("status", "cancelled");
        int processed = (Integer) job.get("processed_rows");
        assertThat(processed).isLessThan(80_000);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        count("SELECT count(*) FROM quarterly_predictions WHERE organization_id = :org") == processed);
        fixtures.as(analyst)
                .post("/api/v1/uploads/" + id + "/cancel")
                .then()
                .statusCode(409)
                .body("detail", containsString("already ended"));
    }

    @Test
    void aHundredThousandRowCsvAndTheSameAsXlsxComplete() {
        UploadFiles.Generated file = UploadFiles.quarterly("H", 25_000, 0, 6);
        String csv = upload(analyst, file.csv(), "100k.csv", "quarterly")
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(awaitFinished(analyst, csv))
                .containsEntry("status", "completed")
                .containsEntry("total_rows", 100_000)
                .containsEntry("success_count", 100_000);
        Person other = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        String xlsx = upload(other, file.xlsx(), "100k.xlsx", "quarterly")
                .statusCode(202)
                .body("file_format", equalTo("xlsx"))
                .extract()
                .path("id");
        assertThat(awaitFinished(other, xlsx))
                .containsEntry("status", "completed")
                .containsEntry("total_rows", 100_000)
                .containsEntry("success_count", 100_000)
                .containsEntry("error_count", 0);
        assertThat(count("SELECT count(*) FROM quarterly_predictions WHERE organization_id = :org"))
                .isEqualTo(100_000);
        assertThat(fixtures.jdbc()
                        .sql("SELECT count(*) FROM quarterly_predictions WHERE organization_id = :org")
                        .param("org", other.organizationId())
                        .query(Long.class)
                        .single())
                .isEqualTo(100_000);
    }

    private ValidatableResponse upload(Person person, byte[] content, String filename, String jobType) {
        return fixtures.as(person)
                .contentType("multipart/form-data")
                .multiPart("file", filename, content)
                .multiPart("job_type", jobType)
                .post("/api/v1/uploads")
                .then();
    }

    private Map<String, Object> awaitFinished(Person person, String id) {
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> fixtures.as(person)
                                .get("/api/v1/uploads/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Map<String, Object>>as(Map.class),
                        job -> List.of("completed", "failed", "cancelled").contains(job.get("status")));
    }

    private long count(String sql) {
        return fixtures.jdbc()
                .sql(sql)
                .param("org", organization)
                .param("user", analyst.id())
                .query(Long.class)
                .single();
    }

    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /** A request that says its body is 2 GB and sends a few bytes of it. */
    private String claimOfTwoGigabytes() throws Exception {
        try (Socket socket = new Socket("localhost", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/uploads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + analyst.accessToken() + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                            + "Content-Length: 2147483648\r\n\r\n--x\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder response = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                response.append(line).append('\n');
                if (line.startsWith("{") || response.length() > 8000) {
                    break;
                }
            }
            return response.toString();
        }
    }

    private static byte[] zipOf(String name, String content) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
