package me.wolfeo.sequences.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import me.wolfeo.sequences.local.ProjectRoot;

/**
 * One headless Debian chromium, driven through Debian's chromedriver (both installed by .ci/run; named by path, so
 * that Selenium Manager downloads nothing). As a JUnit extension it keeps a screenshot and the page's DOM of every
 * failed test under system-tests/target/browser-failures.
 */
public final class Browser implements TestWatcher {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    private static ChromeDriver driver;
    private static String axe;

    public static synchronized ChromeDriver get() {
        if (driver == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400",
                    "--disable-gpu", "--no-first-run", "--disable-extensions", "--lang=en-US");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Runtime.getRuntime().addShutdownHook(new Thread(Browser::quit, "browser-stop"));
        }
        return driver;
    }

    public static synchronized void quit() {
        if (driver != null) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                // Already gone.
            }
            driver = null;
        }
    }

    /** Saves a screenshot of the page as it is now. */
    public static Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) get()).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's messages since the last call. */
    public static List<String> consoleMessages() {
        return get().manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /**
     * The violations of impact serious or critical that axe-core (injected into the page) finds in it, one line
     * each: rule, help, and the elements.
     */
    @SuppressWarnings("unchecked")
    public static List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = get();
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then((r) => done(r.violations
                        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                        .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                            + v.nodes.map((n) => n.target.join(' ')).join(', '))))
                    .catch((e) => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        Path directory = ProjectRoot.find().resolve("system-tests/target/browser-failures");
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName()
                .replaceAll("[^A-Za-z0-9]+", "_");
        try {
            screenshot(directory.resolve(name + ".png"));
            Files.writeString(directory.resolve(name + ".html"),
                    Optional.ofNullable(driver.getPageSource()).orElse(""));
            System.err.println("Browser test failed at " + driver.getCurrentUrl() + ": screenshot in "
                    + directory.resolve(name + ".png"));
        } catch (RuntimeException | IOException e) {
            System.err.println("No screenshot of the failed browser test: " + e);
        }
    }
}
