package jp.mynahealth.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Base of every browser test: headless Chromium (Debian's when installed, else Playwright's own),
 * a fresh context per test, a screenshot when a test fails, and a failure on any Content Security
 * Policy violation the page reports.
 */
@ExtendWith(ScreenshotOnFailure.class)
public abstract class BrowserTest {

    private static final Path SYSTEM_CHROMIUM = Paths.get("/usr/bin/chromium");
    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;
    private final List<String> cspViolations = new ArrayList<>();

    @BeforeAll
    protected static void launchBrowser() {
        launch(Map.of());
    }

    /**
     * Starts the system and the browser, with {@code browserEnvironment} added to the browser's
     * environment. A test class that needs more (a browser that trusts the test TLS authority)
     * hides {@link #launchBrowser()} with a static {@code @BeforeAll} method of the same name that
     * calls this; JUnit then runs only the hiding one.
     */
    protected static void launch(Map<String, String> browserEnvironment) {
        RunningSystem.get();
        Map<String, String> env = new HashMap<>();
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run"));
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            options.setExecutablePath(SYSTEM_CHROMIUM);
        }
        if (!browserEnvironment.isEmpty()) {
            Map<String, String> browserEnv = new HashMap<>(System.getenv());
            browserEnv.putAll(browserEnvironment);
            options.setEnv(browserEnv);
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(contextOptions());
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(message.text());
            }
        });
    }

    /** A Japanese desktop browser; a test class may play another device (a kiosk's touch screen). */
    protected Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setLocale("ja-JP");
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(cspViolations).as("Content Security Policy violations").isEmpty();
    }

    Page page() {
        return page;
    }

    /** Another browser profile beside {@link #page}'s, with the same settings; the test closes it. */
    protected BrowserContext anotherBrowser() {
        return browser.newContext(contextOptions());
    }

    protected String portal(String path) {
        return RunningSystem.portalUrl() + path;
    }

    /** Fails with the rule ids and their targets when axe-core finds any WCAG 2.1 A/AA violation. */
    protected void assertAccessible() {
        assertAccessible(page);
    }

    /** The same check on another page (a second person's browser in the same test). */
    protected void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<String> violations = results.getViolations().stream().map(BrowserTest::describe).toList();
        assertThat(violations).as("axe-core violations on %s", page.url()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).toList();
    }
}
