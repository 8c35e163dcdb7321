package io.covenant.web;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's chromium driven by Playwright: the driver never downloads a browser of its own (this machine reaches no
 * browser download site), and a missing chromium fails the tests rather than skipping them.
 */
final class Browser implements AutoCloseable {

    private final Playwright playwright;

    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    static Browser launch() {
        Path executable = chromium();
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new Browser(
                playwright,
                playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(executable)
                                .setHeadless(true)
                                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"))));
    }

    /** One context for the suite; each scenario opens its own page, whose sessionStorage is its own session. */
    BrowserContext context(String baseUrl) {
        BrowserContext context = chromium.newContext(new NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(1280, 800)
                .setAcceptDownloads(true));
        context.setDefaultTimeout(30_000);
        return context;
    }

    private static Path chromium() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "chromium is not installed: run `apt-get install -y chromium` (.ci/run does it when missing)"));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
