package io.covenant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import io.covenant.upload.UploadFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web application in a real browser (Debian's chromium) against the running service: what an analyst, an
 * organisation administrator and a member of another organisation do and see. A screenshot of each main page is kept
 * under {@code target/screenshots/}.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Logger log = LoggerFactory.getLogger(WebAppBrowserTests.class);

    @Autowired
    Fixtures fixtures;

    @LocalServerPort
    int port;

    Browser browser;

    BrowserContext context;

    Page page;

    Person analyst;

    Person admin;

    Person stranger;

    String acme;

    String tenK;

    @BeforeAll
    void setUp() throws IOException {
        UUID organization = fixtures.organization(null);
        analyst = fixtures.person(Role.ORG_MEMBER, organization);
        admin = fixtures.person(Role.ORG_ADMIN, organization);
        stranger = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        acme = fixtures.as(analyst)
                .body(Map.of(
                        "symbol",
                        "ACR" + suffix.substring(0, 3).toUpperCase(),
                        "name",
                        "Acme Rocketworks " + suffix,
                        "sector",
                        "Aerospace",
                        "country",
                        "USA",
                        "description",
                        "Reusable launch vehicles.",
                        "access_level",
                        "organization"))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<Map<String, Object>> points = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2023, 1, 2); day.isBefore(LocalDate.of(2025, 1, 1)); day = day.plusWeeks(1)) {
            points.add(point("revenue", day, 1_000_000 + day.getDayOfYear() * 1_000.0));
        }
        fixtures.as(analyst)
                .body(Map.of("points", points))
                .post("/api/v1/companies/" + acme + "/metrics")
                .then()
                .statusCode(200);
        fixtures.as(analyst)
                .body(Map.of(
                        "event_type",
                        "funding",
                        "title",
                        "Series C closed",
                        "event_date",
                        "2024-05-01",
                        "primary_company_id",
                        acme,
                        "sentiment_score",
                        0.6,
                        "access_level",
                        "organization"))
                .post("/api/v1/market-intelligence")
                .then()
                .statusCode(201);
        fixtures.as(analyst)
                .body(Map.of(
                        "report_type",
                        "risk_assessment",
                        "title",
                        "Launch cadence review",
                        "company_ids",
                        List.of(acme),
                        "status",
                        "published",
                        "access_level",
                        "organization"))
                .post("/api/v1/analysis-reports")
                .then()
                .statusCode(201);
        String apple = fixtures.as(analyst)
                .body(Map.of(
                        "symbol", "AAPL", "name", "Apple Inc.", "sector", "Technology", "access_level", "organization"))
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        tenK = fixtures.as(analyst)
                .contentType("multipart/form-data")
                .multiPart(
                        "file",
                        "aapl-10-k-2024.html",
                        Files.readAllBytes(Path.of("..", "shared", "data", "sec", "10-K_AAPL_2024-11-01.html")))
                .multiPart("company_id", apple)
                .multiPart("form_type", "10-K")
                .multiPart("document_date", "2024-11-01")
                .multiPart("title", "Apple 10-K 2024")
                .multiPart("access_level", "organization")
                .post("/api/v1/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofMinutes(3))
                .until(
                        () -> fixtures.as(analyst)
                                .queryParam("q", "iPhone")
                                .queryParam("mode", "keyword")
                                .get("/api/v1/search")
                                .then()
                                .extract()
                                .path("items.size()"),
                        n -> (int) n > 0);
        // The machine running the suite may be shared and slow.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        browser = Browser.launch();
        context = browser.context("http://localhost:" + port);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.close();
        }
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            context.close();
            browser.close();
        }
    }

    @Test
    void anAnalystFindsACompanyByAMisspeltNameChartsItMonthlyAndScoresIt() {
        signIn(analyst);
        page.getByLabel("Name (spelling may be approximate)").fill("Acme Rockteworks");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        Locator link =
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Acme Rocketworks")));
        assertThat(link).isVisible();
        screenshot("companies");
        link.first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Acme Rocketworks");
        assertThat(page.getByText("Series C closed")).isVisible();
        assertThat(page.getByText("Launch cadence review")).isVisible();
        page.getByLabel("Bucket").selectOption("month");
        Locator chart = page.locator("[data-bucket='month']");
        assertThat(chart).hasAttribute("data-points", "24");
        assertThat(chart.locator("svg circle")).hasCount(24);
        screenshot("company");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Score default risk"))
                .click();
        page.getByLabel("Reporting year").fill("2024");
        page.getByLabel("Return on assets").fill("3");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Score").setExact(true))
                .click();
        assertThat(page.locator("[name='return_on_assets'] ~ .error")).hasText("must be between -1 and 1");
        page.getByLabel("Long-term debt / total capital").fill("0.6");
        page.getByLabel("Total debt / EBITDA").fill("4.2");
        page.getByLabel("Net income margin").fill("-0.05");
        page.getByLabel("EBIT / interest expense").fill("1.4");
        page.getByLabel("Return on assets").fill("-0.02");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Score").setExact(true))
                .click();
        Locator result = page.locator("#score-result");
        assertThat(result).containsText("Probability of default");
        // One contribution chart per model of the served ensemble (scorecard and LightGBM), a bar per ratio in each.
        assertThat(result.locator(".reasons")).hasCount(2);
        assertThat(result.locator(".reasons").first().locator("svg rect.bar")).hasCount(5);
        assertThat(result).containsText("Return on assets");
        screenshot("risk");
    }

    @Test
    void anUploadOfAThousandRowsReachesAHundredPercentAndListsItsErrorRows() {
        signIn(analyst);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Uploads"))
                .click();
        page.getByLabel("Ratios").selectOption("quarterly");
        UploadFiles.Generated file =
                UploadFiles.quarterly("W" + UUID.randomUUID().toString().substring(0, 4), 250, 50, 16);
        assertThat(file.dataRows()).isEqualTo(1000);
        page.locator("input[type=file]").setInputFiles(new FilePayload("thousand.csv", "text/csv", file.csv()));
        Locator label = page.locator(".progress-label");
        assertThat(label)
                .hasAttribute(
                        "data-status", "completed", new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
        assertThat(label).hasAttribute("data-percent", "100");
        // The progress came from the server-sent events (read through fetch, with the Authorization header).
        assertThat(label).hasAttribute("data-events", Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#upload-progress")).hasAttribute("value", "1000");
        assertThat(page.getByText(file.broken().size() + " rows not stored")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Row errors"))
                        .locator("tbody tr"))
                .hasCount(file.broken().size());
        screenshot("uploads");
    }

    @Test
    void anAnalystSearchesApplesTenKAndOpensAHit() {
        signIn(analyst);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Search"))
                .click();
        page.getByLabel("Search filings and documents").fill("iPhone net sales");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        Locator hits = page.locator("ol.hits > li");
        assertThat(hits.first()).isVisible();
        assertThat(hits.first().locator("mark").first()).isVisible();
        screenshot("search");
        String snippetWord = hits.first().locator("mark").first().textContent();
        hits.first().locator("a").click();
        assertThat(page.locator("blockquote.passage")).containsText(snippetWord);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Apple 10-K 2024");
    }

    @Test
    void anOrganisationAdministratorInvitesAMemberManagesAnApiKeyAndFindsBothInTheAuditLog() {
        String invitee = "invitee-" + UUID.randomUUID() + "@example.com";
        fixtures.anonymous()
                .body(Map.of("email", invitee, "password", Fixtures.PASSWORD))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201);
        signIn(admin);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration"))
                .click();
        page.getByLabel("Email to invite").fill(invitee);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite"))
                .click();
        assertThat(page.getByText(invitee + " was added")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Members")))
                .containsText(invitee);
        String keyName = "ci-key-" + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Key name").fill(keyName);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key"))
                .click();
        assertThat(page.locator("#new-api-key")).hasText(Pattern.compile("\\S{20,}"));
        Locator keys = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("API keys"));
        assertThat(keys).containsText(keyName);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke " + keyName))
                .click();
        assertThat(keys.locator("tr", new Locator.LocatorOptions().setHasText(keyName)))
                .containsText("revoked");
        Locator audit = page.locator("#audit-results");
        page.getByLabel("Entity type").selectOption("api_key");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(audit.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("CREATE")))
                .not()
                .hasCount(0);
        assertThat(audit.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("UPDATE")))
                .not()
                .hasCount(0);
        page.getByLabel("Entity type").selectOption("user");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(audit.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("UPDATE")))
                .not()
                .hasCount(0);
        screenshot("admin");
    }

    @Test
    void aMemberOfAnotherOrganisationSeesNoneOfTheFirstOnesRows() {
        signIn(stranger);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration")))
                .isHidden();
        page.getByLabel("Name (spelling may be approximate)").fill("Acme Rocketworks");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        assertThat(page.getByText("No company matches these filters.")).isVisible();
        page.navigate("/#/companies/" + acme);
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Not found")))
                .isVisible();
        page.navigate("/#/risk");
        // Shared (system) predictions of other tests may be listed; none of the first organisation's may.
        Locator predictions = page.getByText("No predictions match.")
                .or(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Predictions")));
        assertThat(predictions).isVisible();
        assertThat(predictions).not().containsText("Acme Rocketworks");
        assertThat(page.locator(".stat-value").first()).hasText("0");
        page.navigate("/#/uploads");
        assertThat(page.getByText("No uploads yet.")).isVisible();
        page.navigate("/#/search");
        page.getByLabel("Search filings and documents").fill("iPhone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        // Shared (system) documents of other tests may match; no passage of the first organisation's 10-K may.
        assertThat(page.getByText("No passage matches.").or(page.locator("ol.hits")))
                .isVisible();
        assertThat(page.locator("a[href*='" + tenK + "']")).hasCount(0);
        page.navigate("/#/documents/" + tenK + "/chunks/0");
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Not found")))
                .isVisible();
        page.navigate("/#/admin");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Companies");
    }

    @Test
    void theSessionSurvivesAReloadAndEndsAtSignOut() {
        page = context.newPage();
        page.navigate("/");
        // Keyboard only: the email field has the focus, Tab moves to the password, Enter submits.
        page.keyboard().type(analyst.email());
        page.keyboard().press("Tab");
        page.keyboard().type(Fixtures.PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Companies");
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Companies");
        assertThat(page.locator("#who")).containsText(analyst.email());
        assertThat(page.evaluate("() => document.cookie")).isEqualTo("");
        // A tablet held upright: everything fits the width, the navigation included.
        page.setViewportSize(768, 1024);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Uploads")))
                .isInViewport();
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        page.setViewportSize(1280, 800);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in")))
                .isVisible();
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in")))
                .isVisible();
        page.getByLabel("Email").fill(analyst.email());
        page.getByLabel("Password").fill("not the password at all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Email or password is wrong.");
        screenshot("sign-in");
    }

    private void signIn(Person person) {
        page = context.newPage();
        page.onPageError(error -> log.warn("page error: {}", error));
        page.onResponse(response -> {
            if (response.status() >= 500) {
                log.warn("{} answered {}", response.url(), response.status());
            }
        });
        page.navigate("/");
        page.getByLabel("Email").fill(person.email());
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Companies");
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private static Map<String, Object> point(String type, LocalDate date, double value) {
        Map<String, Object> point = new HashMap<>();
        point.put("metric_type", type);
        point.put("metric_date", date.toString());
        point.put("value", value);
        point.put("period_type", "daily");
        return point;
    }
}
