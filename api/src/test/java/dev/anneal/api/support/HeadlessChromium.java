package dev.anneal.api.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium for browser tests ({@code chromium} and {@code chromium-driver}
 * from the distribution; {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN} override the paths).
 * Selenium Manager is never asked: it downloads browsers, which a build must not depend on. When
 * either binary is missing the calling test is skipped, not failed.
 */
public final class HeadlessChromium {

    public static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private HeadlessChromium() {}

    public static ChromeDriver start() {
        File browser = binary("CHROMIUM_BIN", "/usr/bin/chromium");
        File driver = binary("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        assumeTrue(
                browser.canExecute() && driver.canExecute(),
                "no " + browser + " or " + driver + ": browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1400,2200");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves a screenshot as a test artifact under {@code target/dashboard-screenshots}. */
    public static Path screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static File binary(String variable, String fallback) {
        String path = System.getenv(variable);
        return new File(path == null || path.isBlank() ? fallback : path);
    }
}
