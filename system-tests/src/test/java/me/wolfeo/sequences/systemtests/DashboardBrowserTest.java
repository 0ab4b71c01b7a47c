package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import me.wolfeo.sequences.local.ProjectRoot;

/**
 * The web dashboard in a real browser (headless chromium) against the whole platform: signing in (and a refused
 * token), a sequence built and run from the pages, a contact enrolled and followed while its step runs (the
 * engine's clock moved forward), paused, found and disenrolled; refusals shown next to their fields with what was
 * typed kept; the email preview's script never runs; no serious or critical axe-core violation on the main pages.
 * The tests run in order in one browser, as one user's session.
 */
@ExtendWith(Browser.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ChromeDriver browser;
    private static Platform.Account account;
    private static String sequenceName;
    private static String contactEmail;

    @BeforeAll
    static void start() {
        account = Platform.newAccount("Dashboard");
        browser = Browser.get();
        sequenceName = "Onboarding " + UUID.randomUUID().toString().substring(0, 8);
        contactEmail = "lin-" + UUID.randomUUID() + "@example.com";
    }

    @AfterAll
    static void stop() {
        Browser.quit();
    }

    @Test
    @Order(1)
    void anUnknownTokenIsRefusedWithAClearMessageNextToTheTokenField() {
        browser.get(Platform.get().gatewayUrl() + "/");
        WebElement token = field(form("Sign in"), "API token");
        assertNoSeriousAccessibilityViolation("sign-in page");

        token.sendKeys("sq_not-a-token-of-this-platform");
        submit(form("Sign in"));

        WebElement error = errorOf(token);
        assertThat(error.getText()).contains("unknown or has been revoked");
        assertThat(token.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(token.getAttribute("value")).isEqualTo("sq_not-a-token-of-this-platform");
        assertThat(form("Sign in").findElement(By.cssSelector(".form-error")).getText()).contains("Sign-in refused");
        assertThat(sessionToken()).isNull();
        // The console is read (so that assertNothingRefusedByThePolicy reads something): the 401 is in it.
        assertThat(Browser.consoleMessages()).anyMatch(message -> message.contains("401"));
    }

    @Test
    @Order(2)
    void signingInKeepsTheTokenForTheSessionOnlyAndNeverInTheUrl() {
        WebElement token = field(form("Sign in"), "API token");
        token.clear();
        token.sendKeys(account.token());
        submit(form("Sign in"));

        waitForHeading("Sequences");
        assertThat(sessionToken()).isEqualTo(account.token());
        assertThat(browser.getCurrentUrl()).doesNotContain(account.token());
        assertNoSeriousAccessibilityViolation("sequences page");
        assertNothingRefusedByThePolicy();
    }

    @Test
    @Order(3)
    void aRefusedCreationShowsTheErrorNextToItsFieldThenASequenceIsCreated() {
        WebElement create = form("Create a sequence");
        submit(create);
        assertThat(errorOf(field(create, "Name")).getText()).contains("name field is required");

        field(create, "Name").sendKeys(sequenceName);
        new Select(field(create, "Type")).selectByValue("normal");
        submit(create);

        waitForHeading(sequenceName);
        assertThat(browser.findElement(By.cssSelector(".title-row .id")).getText()).startsWith("id ");
        assertThat(browser.getCurrentUrl()).doesNotContain(account.token());
    }

    @Test
    @Order(4)
    void stagesAreAddedAndShownInStepOrderWithTheirDelayInWords() {
        addStage("Welcome email", "send_email", "1", "3600");
        waitUntilText(By.cssSelector("li.stage h3"), "Step 1: Welcome email");
        addStage("Follow up", "action", "1", "86400");
        waitUntil(() -> browser.findElements(By.cssSelector("li.stage")).size() == 2);

        List<WebElement> stages = browser.findElements(By.cssSelector("li.stage"));
        assertThat(stages.get(0).findElement(By.cssSelector("h3")).getText()).isEqualTo("Step 1: Welcome email");
        assertThat(stages.get(0).findElement(By.cssSelector(".stage-type")).getText()).isEqualTo("Send an email");
        assertThat(stages.get(0).findElement(By.cssSelector(".delay")).getText()).isEqualTo("1 hour after enrollment");
        assertThat(stages.get(1).findElement(By.cssSelector("h3")).getText()).isEqualTo("Step 2: Follow up");
        assertThat(stages.get(1).findElement(By.cssSelector(".delay")).getText())
                .isEqualTo("1 day after the previous step");

        // A step is renamed and its delay changed.
        stage(2).findElement(By.xpath(".//button[normalize-space()='Name and delay']")).click();
        WebElement edit = form("Name and delay of step 2");
        WebElement name = field(edit, "Name");
        name.clear();
        name.sendKeys("Follow-up call");
        WebElement delay = field(edit, "Delay");
        delay.clear();
        delay.sendKeys("2");
        submit(edit);
        waitForMessage("Saved step 2");
        waitUntil(() -> text(By.cssSelector("li.stage:nth-child(2) h3")).equals("Step 2: Follow-up call"));
        assertThat(text(By.cssSelector("li.stage:nth-child(2) .delay"))).isEqualTo("2 days after the previous step");
    }

    @Test
    @Order(5)
    void anEmailStageWithoutContentCannotBeSwitchedOnAndSaysWhyNextToTheSwitch() {
        WebElement first = stage(1);
        WebElement active = first.findElement(By.cssSelector("input[role=switch]"));
        active.click();

        WebElement error = errorOf(active);
        assertThat(error.getText()).isNotBlank();
        assertThat(active.isSelected()).isFalse();
    }

    @Test
    @Order(6)
    void theEmailEditorKeepsWhatWasTypedWhenRefusedAndPreviewsWithoutRunningScripts() {
        stage(1).findElement(By.xpath(".//button[normalize-space()='Edit email']")).click();
        WebElement editor = form("Email of step 1");
        field(editor, "Subject").sendKeys("Hi {{first_name}}");
        field(editor, "Sender address").sendKeys("not-an-address");
        String html = "<p id=\"hello\">Hello {{first_name|there}}!</p>"
                + "<script>document.body.append(Object.assign(document.createElement('p'), {id: 'ran'}));"
                + "window.top.document.title = 'script ran';</script>";
        setValue(field(editor, "HTML"), html);

        // The live preview: placeholders filled for a sample contact; the stored HTML's script did not run.
        assertThat(browser.findElement(By.id("subject-preview")).getText()).isEqualTo("Subject: Hi Ada");
        WebElement frame = browser.findElement(By.id("email-preview"));
        assertThat(frame.getAttribute("sandbox")).isEmpty();
        browser.switchTo().frame(frame);
        try {
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
            assertThat(browser.findElement(By.id("hello")).getText()).isEqualTo("Hello Ada!");
            assertThat(browser.findElements(By.id("ran"))).isEmpty();
        } finally {
            browser.switchTo().defaultContent();
        }
        assertThat(browser.getTitle()).doesNotContain("script ran");
        assertThat(browser.findElement(By.cssSelector(".placeholders")).getText()).contains("{{first_name}}",
                "{{last_name}}", "{{email}}", "{{phone_number}}");

        submit(editor);
        assertThat(errorOf(field(editor, "Sender address")).getText()).contains("valid email address");
        assertThat(field(editor, "Sender address").getAttribute("value")).isEqualTo("not-an-address");
        assertThat(field(editor, "Subject").getAttribute("value")).isEqualTo("Hi {{first_name}}");
        assertThat(field(editor, "HTML").getAttribute("value")).isEqualTo(html);

        WebElement sender = field(editor, "Sender address");
        sender.clear();
        sender.sendKeys("team@acme.test");
        submit(editor);
        waitForMessage("Saved the email of step 1");
        assertThat(browser.getTitle()).doesNotContain("script ran");

        // Opened again, the editor shows the email as stored (read back from S3 through content-service).
        editor.findElement(By.xpath(".//button[normalize-space()='Close editor']")).click();
        stage(1).findElement(By.xpath(".//button[normalize-space()='Edit email']")).click();
        WebElement reopened = form("Email of step 1");
        assertThat(field(reopened, "Subject").getAttribute("value")).isEqualTo("Hi {{first_name}}");
        assertThat(field(reopened, "Sender address").getAttribute("value")).isEqualTo("team@acme.test");
        assertThat(field(reopened, "HTML").getAttribute("value")).isEqualTo(html);
        assertNoSeriousAccessibilityViolation("sequence page with the email editor");
    }

    @Test
    @Order(7)
    void bothStagesAreSwitchedOn() {
        stage(1).findElement(By.cssSelector("input[role=switch]")).click();
        waitForMessage("Step 1 is active");
        stage(2).findElement(By.cssSelector("input[role=switch]")).click();
        waitForMessage("Step 2 is active");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        Browser.screenshot(ProjectRoot.find().resolve("system-tests/target/dashboard-sequence.png"));

        browser.navigate().refresh();
        waitForHeading(sequenceName);
        assertThat(stage(1).findElement(By.cssSelector("input[role=switch]")).isSelected()).isTrue();
        assertThat(stage(2).findElement(By.cssSelector("input[role=switch]")).isSelected()).isTrue();
        // A reload of the page keeps the session's sign-in.
        assertThat(sessionToken()).isEqualTo(account.token());
    }

    @Test
    @Order(8)
    void aRefusedScheduleIsShownNextToTheNestedFieldItNamesThenTheSettingsAreSaved() {
        WebElement settings = form("Settings and sending schedule");
        WebElement open = field(settings, "Window opens");
        WebElement close = field(settings, "Window closes");
        setValue(open, "17:00");
        setValue(close, "09:00");
        WebElement throttle = field(settings, "At most this many contacts start per minute");
        throttle.sendKeys("30");
        submit(settings);

        assertThat(errorOf(close).getText()).isNotBlank();
        assertThat(close.getAttribute("value")).isEqualTo("09:00");
        assertThat(throttle.getAttribute("value")).isEqualTo("30");

        setValue(open, "");
        setValue(close, "");
        submit(settings);
        waitForMessage("Saved the settings");
        assertThat(field(settings, "At most this many contacts start per minute").getAttribute("value"))
                .isEqualTo("30");
    }

    @Test
    @Order(9)
    void aContactIsEnrolledAndItsProgressFollowedWhileTheEngineRunsItsStep() {
        browser.findElement(By.cssSelector(".state-controls a[href$='/contacts']")).click();
        waitForHeading("Contacts of " + sequenceName);
        assertNoSeriousAccessibilityViolation("contacts page");

        WebElement enroll = form("Enroll a contact");
        new Select(field(enroll, "Source")).selectByValue("hubspot");
        field(enroll, "Email").sendKeys(contactEmail);
        field(enroll, "First name").sendKeys("Lin");
        // The webhooks' dialect: a 422 with its errors keyed by field.
        submit(enroll);
        assertThat(errorOf(field(enroll, "Id in the source")).getText()).isNotBlank();
        assertThat(field(enroll, "Email").getAttribute("value")).isEqualTo(contactEmail);

        field(enroll, "Id in the source").sendKeys("dash-" + UUID.randomUUID());
        submit(enroll);
        waitForMessage("successfully enrolled");

        WebElement row = waitForContactRow();
        assertThat(row.findElement(By.cssSelector(".state")).getText()).isEqualTo("active");
        assertThat(row.findElement(By.cssSelector(".step")).getText()).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector(".next-due")).getText()).endsWith("UTC");
        assertThat(row.findElement(By.cssSelector(".waiting")).getText()).isEqualTo("the step's delay");
        String dueBefore = row.findElement(By.cssSelector(".next-due")).getText();

        Platform.advanceClock(Duration.ofHours(2));

        // The email step runs; the contact now waits a day for step 2 (Refresh until the page shows it).
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1))
                .ignoring(StaleElementReferenceException.class).until(driver -> {
                    WebElement refresh = driver.findElement(By.id("refresh-contacts"));
                    if (refresh.isEnabled()) {
                        refresh.click();
                    }
                    return text(By.cssSelector("tr[data-contact-id] .step")).equals("2")
                            && text(By.cssSelector("tr[data-contact-id] .state")).equals("active")
                            && !text(By.cssSelector("tr[data-contact-id] .next-due")).equals(dueBefore);
                });
    }

    @Test
    @Order(10)
    void aContactIsPausedAndResumed() {
        waitForContactRow().findElement(By.xpath(".//button[normalize-space()='Pause']")).click();
        waitForMessage("is paused");
        waitUntil(() -> text(By.cssSelector("tr[data-contact-id] .state")).equals("paused"));
        waitForContactRow().findElement(By.xpath(".//button[normalize-space()='Resume']")).click();
        waitForMessage("is resumed");
        waitUntil(() -> text(By.cssSelector("tr[data-contact-id] .state")).equals("active"));
    }

    @Test
    @Order(11)
    void aContactsSequencesAreFoundByEmailAndByContactId() {
        String contactId = waitForContactRow().getAttribute("data-contact-id");
        browser.findElement(By.cssSelector("#nav a[href='#/contacts']")).click();
        waitForHeading("Find a contact");
        WebElement search = form("Find a contact's sequences");
        field(search, "Email").sendKeys(contactEmail);
        submit(search);
        waitUntilText(By.cssSelector("#search-results .sequence-name"), sequenceName);

        field(search, "Email").clear();
        field(search, "Contact id").sendKeys(contactId);
        submit(search);
        waitUntil(() -> text(By.cssSelector("#search-results .progress")).startsWith("active, step 2"));
        assertNoSeriousAccessibilityViolation("contact search page");
    }

    @Test
    @Order(12)
    void everyContactIsDisenrolledFromItsRowAfterConfirmationWhereverItWasEnrolled() {
        browser.findElement(By.cssSelector("#search-results .sequence-name")).click();
        waitForHeading("Contacts of " + sequenceName);
        long sequenceId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*#/sequences/(\\d+)/contacts.*", "$1"));
        // Enrolled by another system: the listing gives the source and id that the disenroll webhook needs.
        assertThat(Fixtures.enrollHubspot(account, sequenceId, "enrolled-elsewhere", false)).isEqualTo(200);
        waitUntil(() -> {
            browser.findElement(By.id("refresh-contacts")).click();
            return browser.findElements(By.cssSelector("tr[data-contact-id]")).size() == 2;
        });

        for (int listed = 2; listed > 0; listed--) {
            int before = listed;
            waitForContactRow().findElement(By.xpath(".//button[normalize-space()='Disenroll']")).click();
            WebElement dialog = new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            assertThat(dialog.getText()).contains("every other sequence");
            dialog.findElement(By.id("confirm-ok")).click();
            waitUntil(() -> browser.findElements(By.cssSelector("tr[data-contact-id]")).size() == before - 1);
        }
        waitForMessage("disenrolled from all sequences");
        waitUntil(() -> !browser.findElements(By.id("no-contacts")).isEmpty());
    }

    @Test
    @Order(13)
    void deletingTheSequenceSaysWhatGoesWithItAndSigningOutForgetsTheToken() {
        browser.findElement(By.cssSelector("#nav a[href='#/sequences']")).click();
        waitForHeading("Sequences");
        WebElement item = waitUntilText(By.cssSelector(".sequence-item .sequence-name"), sequenceName)
                .findElement(By.xpath("ancestor::li"));
        assertThat(item.findElement(By.cssSelector(".id")).getText()).startsWith("id ");
        item.findElement(By.xpath(".//button[normalize-space()='Delete']")).click();
        WebElement dialog = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(dialog.getText()).contains("2 stages", "1 email", "enrollment");
        // Escape cancels: nothing is deleted.
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitUntil(() -> !browser.findElement(By.id("confirm")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector(".sequence-item"))).hasSize(1);

        item.findElement(By.xpath(".//button[normalize-space()='Delete']")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok"))).click();
        waitForMessage("Deleted the sequence");
        waitUntil(() -> browser.findElements(By.cssSelector(".sequence-item")).isEmpty());

        browser.findElement(By.id("sign-out")).click();
        waitForHeading("Sign in");
        assertThat(sessionToken()).isNull();
        browser.navigate().refresh();
        waitForHeading("Sign in");
        assertNothingRefusedByThePolicy();
    }

    // --- Helpers: controls are found as a user finds them, by their form's name and their label.

    private static WebElement form(String label) {
        return new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions
                        .visibilityOfElementLocated(By.cssSelector("form[aria-label=\"" + label + "\"]")));
    }

    private static WebElement field(SearchContext scope, String label) {
        WebElement labelElement = scope.findElement(By.xpath(".//label[normalize-space()=\"" + label + "\"]"));
        return browser.findElement(By.id(labelElement.getAttribute("for")));
    }

    private static void submit(WebElement form) {
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** The message shown next to a control (its aria-describedby error), once shown. */
    private static WebElement errorOf(WebElement control) {
        String id = control.getAttribute("data-error-id");
        WebElement error = browser.findElement(By.id(id));
        new WebDriverWait(browser, WAIT).until(driver -> error.isDisplayed() && !error.getText().isBlank());
        assertThat(control.getAttribute("aria-describedby")).contains(id);
        return error;
    }

    private static void addStage(String name, String type, String timeValue, String timeType) {
        WebElement add = form("Add a step");
        field(add, "Name").sendKeys(name);
        new Select(field(add, "Type")).selectByValue(type);
        WebElement delay = field(add, "Delay");
        delay.clear();
        delay.sendKeys(timeValue);
        new Select(field(add, "Unit")).selectByValue(timeType);
        submit(add);
        waitForMessage("Added step");
    }

    private static WebElement stage(int step) {
        return waitUntilText(By.cssSelector("li.stage h3"), "Step " + step + ":").findElement(By.xpath("ancestor::li"));
    }

    private static WebElement waitForContactRow() {
        waitUntil(() -> !String.valueOf(browser.findElement(By.tagName("body")).getAttribute("class"))
                .contains("is-busy"));
        return new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-contact-id]")));
    }

    private static void waitForHeading(String text) {
        waitUntil(() -> text(By.cssSelector("main h1")).equals(text));
    }

    private static void waitForMessage(String part) {
        waitUntil(() -> text(By.id("messages")).contains(part));
    }

    /** The first element whose text starts with (or is) this text, once there. */
    private static WebElement waitUntilText(By by, String text) {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(by).stream()
                        .filter(element -> element.getText().startsWith(text)).findFirst().orElse(null));
    }

    private static String text(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    /** Types a long value at once (as a paste), with the input event the editor listens to. */
    private static void setValue(WebElement control, String value) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                control, value);
    }

    private static String sessionToken() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return window.sessionStorage.getItem('sequences.token');");
    }

    /**
     * The dashboard's own page never hits its Content-Security-Policy (no inline script or style, nothing from
     * elsewhere). The email preview's document may (its inline script is blocked): it is not the dashboard.
     */
    private static void assertNothingRefusedByThePolicy() {
        assertThat(Browser.consoleMessages()).filteredOn(message -> message.contains("Content Security Policy")
                || message.contains("Refused to")).filteredOn(message -> !message.contains("about:srcdoc")).isEmpty();
    }

    private static void assertNoSeriousAccessibilityViolation(String page) {
        assertThat(Browser.seriousAccessibilityViolations()).as("axe-core on the " + page).isEmpty();
    }
}
