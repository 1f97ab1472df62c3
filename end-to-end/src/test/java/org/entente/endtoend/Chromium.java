package org.entente.endtoend;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver (see STACK-NOTES), one fresh profile per
 * browser, laptop-sized. Tests that need it are skipped, not failed, on a machine without them.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile, Duration timeout) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, timeout);
    }

    /** Without Chromium the browser tests fail under CI ({@code CI=true}, as .ci/run sets) and skip elsewhere. */
    static void assumeInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        String missing = "Browser tests need Debian's chromium and chromium-driver (" + BINARY + ", " + DRIVER
                + "): apt-get install -y chromium chromium-driver";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(missing + "; CI must run them");
        }
        Assumptions.assumeTrue(false, missing);
    }

    static Chromium start(Duration timeout) {
        try {
            Path profile = Files.createTempDirectory("entente-chromium");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
            ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile()).addArguments(
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile);
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1366, 900));
            return new Chromium(driver, profile, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover profile in the temporary directory harms nobody.
        }
    }
}
