package io.covenant.edgar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Imports the real EDGAR responses in ../shared/data/sec and checks figures against the filings. */
@ApiTest
class EdgarImportTests {

    static final Path SEC = Path.of("..", "shared", "data", "sec");

    @Autowired
    Fixtures fixtures;

    @Autowired
    EdgarImporter importer;

    Person admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = fixtures.person(Role.SUPER_ADMIN, null);
        importer.importPath(SEC.resolve("company_tickers.json"));
    }

    @Test
    void teslasFactsImportWithTheFigures10KReports() {
        String id = upload("companyfacts_CIK0001318605_TSLA.json").path("[0].company_id");
        fixtures.as(admin)
                .get("/api/v1/companies/" + id)
                .then()
                .body("symbol", equalTo("TSLA"))
                .body("cik", equalTo("0001318605"))
                .body("access_level", equalTo("system"));
        assertThat(value(id, "revenue", "2021-12-31", "annual")).isEqualTo(53_823_000_000d);
        assertThat(value(id, "total_assets", "2021-12-31", "instant")).isEqualTo(62_131_000_000d);
        assertThat(value(id, "net_income", "2021-12-31", "annual")).isEqualTo(5_519_000_000d);
        // Q4 is not reported on its own: FY2021 revenue minus Q1-Q3 (10,389 + 11,958 + 13,757 million).
        assertThat(value(id, "revenue", "2021-12-31", "quarterly")).isEqualTo(17_719_000_000d);

        // FY2021 ratios by hand from the 10-K.
        assertThat(value(id, "net_income_margin", "2021-12-31", "annual")).isCloseTo(5519d / 53823, within(1e-9));
        assertThat(value(id, "return_on_assets", "2021-12-31", "annual")).isCloseTo(5519d / 62131, within(1e-9));
        assertThat(value(id, "ebit_to_interest_expense", "2021-12-31", "annual"))
                .isCloseTo(6523d / 371, within(1e-9));
        assertThat(value(id, "long_term_debt_to_total_capital", "2021-12-31", "annual"))
                .isCloseTo(4254d / (4254 + 30189), within(1e-9));
        assertThat(value(id, "total_debt_to_ebitda", "2021-12-31", "annual"))
                .isCloseTo(30548d / (6523 + 1910), within(1e-9));
        // Q3 2022 ratios by hand from the 10-Q (millions).
        assertThat(value(id, "current_ratio", "2022-09-30", "quarterly")).isCloseTo(35990d / 24611, within(1e-9));
        assertThat(value(id, "quick_ratio", "2022-09-30", "quarterly"))
                .isCloseTo((35990d - 10327) / 24611, within(1e-9));
        assertThat(value(id, "debt_to_equity", "2022-09-30", "quarterly")).isCloseTo(33302d / 39851, within(1e-9));
        assertThat(value(id, "inventory_turnover", "2022-09-30", "quarterly"))
                .isCloseTo(4 * 16072d / 10327, within(1e-9));
        assertThat(value(id, "receivables_turnover", "2022-09-30", "quarterly"))
                .isCloseTo(4 * 21454d / 2192, within(1e-9));
        assertThat(value(id, "working_capital_to_total_assets", "2022-09-30", "quarterly"))
                .isCloseTo((35990d - 24611) / 74426, within(1e-9));
        assertThat(fixtures.jdbc()
                        .sql(
                                "SELECT fiscal_year || fiscal_quarter FROM financial_metrics WHERE company_id = ?::uuid AND metric_type = 'current_ratio' AND metric_date = '2022-09-30'")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("2022Q3");
    }

    @Test
    void importingTheSameDocumentAgainChangesNothing() {
        String id = upload("companyfacts_CIK0001640147_SNOW.json").path("[0].company_id");
        long metrics = count("financial_metrics", id);
        long filings = count("sec_filings", id);
        upload("companyfacts_CIK0001640147_SNOW.json").then().body("[0].metrics", equalTo(0));
        assertThat(count("financial_metrics", id)).isEqualTo(metrics);
        assertThat(count("sec_filings", id)).isEqualTo(filings);
        assertThat(value(id, "revenue", "2025-01-31", "annual")).isEqualTo(3_626_396_000d);
        assertThat(value(id, "total_assets", "2025-01-31", "instant")).isEqualTo(9_033_938_000d);
        assertThat(value(id, "net_income_margin", "2025-01-31", "annual"))
                .isCloseTo(-1_285_640_000d / 3_626_396_000d, within(1e-9));
    }

    @Test
    void courserasSingleQuarterImports() {
        String id = upload("companyfacts_CIK0001651562_COUR_2021-05.json").path("[0].company_id");
        assertThat(value(id, "revenue", "2021-03-31", "quarterly")).isEqualTo(88_362_000d);
        assertThat(value(id, "total_assets", "2021-03-31", "instant")).isEqualTo(414_822_000d);
        assertThat(value(id, "current_ratio", "2021-03-31", "quarterly")).isCloseTo(351_198d / 157_806, within(1e-9));
        fixtures.as(admin)
                .get("/api/v1/companies/" + id + "/filings")
                .then()
                .statusCode(200)
                .body("items.accession_number", hasItem("0000950170-21-000180"));
    }

    @Test
    void teslasSubmissionsImportItsProfileAndFilings() {
        var result = upload("submissions_CIK0001318605_TSLA.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String id = result.getString("[0].company_id");
        fixtures.as(admin)
                .get("/api/v1/companies/" + id)
                .then()
                .body("sic_code", equalTo("3711"))
                .body("sector", equalTo("Manufacturing"))
                .body("industry", equalTo("Motor Vehicles & Passenger Car Bodies"));
        fixtures.as(admin)
                .queryParam("form", "10-K")
                .get("/api/v1/companies/" + id + "/filings")
                .then()
                .statusCode(200)
                .body("items[0].filing_type", equalTo("10-K"))
                .body("items[0].document_url", notNullValue());
        fixtures.as(admin)
                .queryParam("form", "4")
                .get("/api/v1/companies/" + id + "/filings")
                .then()
                .statusCode(422);
        long forms = fixtures.jdbc()
                .sql("SELECT count(DISTINCT filing_type) FROM sec_filings WHERE company_id = ?::uuid")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(forms).isGreaterThan(2);
    }

    @Test
    void aCompanysFilingsPageNewestFirstWithinTheFormsAndDatesAskedFor() {
        String id = upload("submissions_CIK0001318605_TSLA.json").path("[0].company_id");
        List<Map<String, Object>> expected =
                fixtures.jdbc().sql("""
						SELECT id::text AS id, filing_type FROM sec_filings
						WHERE company_id = ?::uuid AND filing_date BETWEEN '2021-01-01' AND '2021-12-31'
						ORDER BY filing_date DESC, id DESC""").param(id).query().listOfRows();
        assertThat(expected).hasSizeGreaterThan(10);
        String filings = "/api/v1/companies/" + id + "/filings";
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = fixtures.as(admin)
                    .queryParam("from", "2021-01-01")
                    .queryParam("to", "2021-12-31")
                    .queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(filings).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(ids).isEqualTo(expected.stream().map(row -> row.get("id")).toList());
        fixtures.as(admin)
                .queryParam("form", "10-Q")
                .queryParam("from", "2021-01-01")
                .queryParam("to", "2021-12-31")
                .get(filings)
                .then()
                .statusCode(200)
                .body(
                        "items.id",
                        equalTo(expected.stream()
                                .filter(row -> row.get("filing_type").equals("10-Q"))
                                .map(row -> row.get("id"))
                                .toList()));
    }

    @Test
    void anIfrsFilerIsImportedWithANoteInsteadOfWrongNumbers() {
        var result = fixtures.as(admin)
                .multiPart(
                        "file",
                        SEC.resolve("companyfacts_CIK0001997711_LPA.json").toFile())
                .multiPart("ticker", "LPA")
                .contentType("multipart/form-data")
                .post("/api/v1/companies/import/edgar")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(result.getInt("[0].metrics")).isZero();
        assertThat(result.getList("[0].notes", String.class).get(0))
                .contains("ifrs-full")
                .contains("not US GAAP")
                .contains("revenue");
    }

    @Test
    void theEdtechCompaniesLoadAsSystemCompanies() throws Exception {
        var results = importer.importPath(Path.of("..", "shared", "data", "edtech", "edtech_public_companies.csv"));
        assertThat(results).singleElement().satisfies(r -> assertThat(r.notes().get(0))
                .contains("33"));
        long loaded = fixtures.jdbc()
                .sql(
                        "SELECT count(*) FROM companies WHERE category = 'edtech' AND access_level = 'system' AND deleted_at IS NULL")
                .query(Long.class)
                .single();
        assertThat(loaded).isEqualTo(33);
        fixtures.as(fixtures.person(Role.USER, null))
                .get("/api/v1/companies/by-ticker/DUOL")
                .then()
                .statusCode(200)
                .body("cik", equalTo("0001562088"));
    }

    @Test
    void onlyASuperAdminUploadsEdgarFilesAndJunkIsRefused() {
        Person member = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        fixtures.as(member)
                .multiPart(
                        "file",
                        SEC.resolve("companyfacts_CIK0001651562_COUR_2021-05.json")
                                .toFile())
                .contentType("multipart/form-data")
                .post("/api/v1/companies/import/edgar")
                .then()
                .statusCode(403);
        fixtures.as(admin)
                .multiPart("file", "junk.json", "not json at all".getBytes())
                .contentType("multipart/form-data")
                .post("/api/v1/companies/import/edgar")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("file"));
        fixtures.as(admin)
                .multiPart("file", "other.json", "{\"hello\": 1}".getBytes())
                .contentType("multipart/form-data")
                .post("/api/v1/companies/import/edgar")
                .then()
                .statusCode(422);
    }

    @Test
    void onlineImportWithoutAUserAgentIsRefusedClearly() {
        fixtures.as(admin)
                .body(Map.of("ticker", "TSLA"))
                .post("/api/v1/companies/import/edgar")
                .then()
                .statusCode(502)
                .body("detail", Matchers.containsString("User-Agent"));
    }

    private Response upload(String file) {
        return fixtures.as(admin)
                .multiPart("file", SEC.resolve(file).toFile())
                .contentType("multipart/form-data")
                .post("/api/v1/companies/import/edgar")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private double value(String companyId, String metric, String date, String periodType) {
        List<Double> values = fixtures.jdbc()
                .sql("""
				SELECT value FROM financial_metrics WHERE company_id = ?::uuid AND metric_type = ?
				  AND metric_date = ?::date AND period_type = ?""")
                .params(companyId, metric, date, periodType)
                .query(Double.class)
                .list();
        assertThat(values).as(metric + " " + date + " " + periodType).hasSize(1);
        return values.get(0);
    }

    private long count(String table, String companyId) {
        return fixtures.jdbc()
                .sql("SELECT count(*) FROM " + table + " WHERE company_id = ?::uuid")
                .param(companyId)
                .query(Long.class)
                .single();
    }
}
