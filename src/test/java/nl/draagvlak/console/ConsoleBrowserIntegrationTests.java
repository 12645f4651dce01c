package nl.draagvlak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import nl.draagvlak.support.RuleEdits;
import nl.draagvlak.support.RuleFolders;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium (Debian's chromium and chromedriver; nothing is
 * downloaded): an auditor who is also allowed to decide and to administer the rules signs in,
 * decides in the try form, finds the decision in the search, opens it, sees its fired rules and
 * the facts they matched, asks for its remedies and questions, replays it, reloads a changed rules
 * folder and opens the diff. Each page is saved as a screenshot under
 * {@code target/console-screenshots/}. Without the browser the test is skipped, with the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserIntegrationTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Path RULES = RuleFolders.copyOfProjectRules();

    private static WebDriver browser;
    private static long inBrowser;
    private long started;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.dir", RULES::toString);
        registry.add("draagvlak.rules.watch", () -> "false");
        registry.add("draagvlak.rules.cache-dir", () -> RuleFolders.temporaryFolder("draagvlak-ruleset-cache").toString());
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        if (missing != null) {
            String reason = "console browser tests skipped: " + missing + " is missing (apt-get install chromium"
                    + " chromium-driver, or .ci/install-browser.sh)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        long start = System.nanoTime();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        // Both paths given: Selenium Manager has nothing to look up or download.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,900", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        inBrowser += System.nanoTime() - start;
    }

    @BeforeEach
    void startClock() {
        started = System.nanoTime();
    }

    @AfterEach
    void stopClock() {
        inBrowser += System.nanoTime() - started;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            long start = System.nanoTime();
            browser.quit();
            inBrowser += System.nanoTime() - start;
            // The browser's share: starting it, the tests' steps and quitting it (the service's start is apart).
            System.out.printf("console browser tests: %.1f s in the browser%n", inBrowser / 1e9);
        }
    }

    @Test
    void anAuditorDecidesFindsOpensAndReplaysADecisionThenComparesTwoRulesets() throws IOException {
        // Anonymous: the login page.
        open("/console");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        screenshot("01-login");
        signIn(TestUsers.ALL);
        assertThat(browser.getCurrentUrl()).contains("/console").doesNotContain("/login");

        // The try form: a municipality's migration, starting at the front office with the back office not in order.
        open("/console/try");
        choose("initiative-kind", "MULTICHANNEL_MIGRATION");
        choose("initiative-organisationType", "MUNICIPALITY");
        browser.findElement(By.id("initiative-leadTimeMonths")).sendKeys("18");
        choose("designStrategy-startingPoint", "FRONT_OFFICE");
        choose("preconditions-backOfficeInOrder", "false");
        choose("stakeholders-0--department", "MARKETING");
        choose("stakeholders-0--affected", "true");
        browser.findElement(By.cssSelector("input[name='stakeholders[0].resistance'][value='DISTRUSTS_TECHNIQUE']")).click();
        browser.findElement(By.id("decide-button")).click();
        assertThat(text("try-verdict")).isEqualTo("NOT_READY");
        screenshot("02-try");
        String decisionId = text("try-decision");

        // The search finds it, by its caller.
        open("/console?caller=" + TestUsers.ALL.name());
        WebElement link = browser.findElement(By.linkText(decisionId));
        screenshot("03-search");
        link.click();

        // The decision: verdict, the rule that set it, a fired rule opened to its facts and its text.
        assertThat(text("verdict")).isEqualTo("NOT_READY");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("VERDICT-NOT-READY")
                .contains("MIG-BACKOFFICE-NOT-IN-ORDER").contains("migratiestrategie: Tips");
        assertThat(text("chain-status")).contains("intact");
        WebElement step = browser.findElements(By.cssSelector("ol.timeline > li")).stream()
                .filter(li -> li.getText().contains("SUP-RESIST-DISTRUST")).findFirst().orElseThrow();
        step.findElement(By.tagName("summary")).click();
        assertThat(step.getText()).contains("Stakeholder[0]").contains("MARKETING").contains("DISTRUSTS_TECHNIQUE")
                .contains("rule \"").contains("end");
        screenshot("04-decision");

        // Remedies and questions only when asked: the plain page has the link and no search result.
        assertThat(browser.findElements(By.id("remedies"))).isEmpty();
        assertThat(browser.findElements(By.id("questions"))).isEmpty();
        browser.findElement(By.id("advice-link")).click();
        assertThat(browser.getCurrentUrl()).endsWith("?advice=1#remedies-heading");
        assertThat(text("remedies-heading")).isEqualTo("What to do about it");
        assertThat(text("remedies-complete")).startsWith("The search");
        assertThat(browser.findElement(By.id("questions-heading")).getText()).startsWith("What to find out");
        assertThat(browser.findElements(By.id("advice-link"))).isEmpty();
        screenshot("05-advice");

        // Replayed on its own ruleset: identical, and the advice asked for stays on the page.
        browser.findElement(By.id("replay-button")).click();
        assertThat(text("replay-result")).startsWith("Identical");
        assertThat(browser.findElements(By.id("remedies"))).hasSize(1);
        screenshot("06-replay");

        // A broken edit is rejected and listed; a good one is activated; the diff shows the changed rule.
        RuleEdits edits = new RuleEdits(RULES);
        edits.broken();
        open("/console/rulesets");
        browser.findElement(By.id("reload-button")).click();
        assertThat(text("reload-result")).startsWith("REJECTED");
        edits.good(1);
        browser.findElement(By.id("reload-button")).click();
        assertThat(text("reload-result")).startsWith("ACTIVATED");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Rejected candidates")
                .contains("support/stakeholders.drl");
        screenshot("07-rulesets");
        browser.findElement(By.linkText("with the version before")).click();
        assertThat(browser.getCurrentUrl()).contains("/diff/");
        assertThat(browser.findElement(By.cssSelector(".changed-rule")).getText())
                .contains("SUP-STAKEHOLDER-NOT-INVOLVED").contains("(edit 1)");
        screenshot("08-diff");

        // The rules with their use: the one decision's rules fired, most never did.
        open("/console/rules");
        assertThat(text("rules-summary")).contains("never fired");
        assertThat(browser.findElements(By.cssSelector("tr.never-fired"))).isNotEmpty();
        screenshot("09-rules");
    }

    @Test
    void aCallerWhoMayOnlyDecideGetsTheTryFormAndThe403PageForTheRest() throws IOException {
        browser.manage().deleteAllCookies();
        open("/console/rules");
        signIn(TestUsers.DECIDE);
        open("/console");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        screenshot("10-denied");
        browser.manage().deleteAllCookies();
    }

    private void signIn(TestUsers.TestUser user) {
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(user.name());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private static void choose(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The whole page: the window is made as tall as the page (at most 8000 pixels) for the shot. */
    private static void screenshot(String name) throws IOException {
        Dimension laptop = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(laptop.getWidth(), (int) Math.min(Math.max(height + 150,
                laptop.getHeight()), 8000)));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(laptop);
    }
}
