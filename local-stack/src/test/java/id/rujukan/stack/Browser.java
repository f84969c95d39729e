package id.rujukan.stack;

import id.rujukan.infra.Directories;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium, Debian's {@code chromium} driven through Debian's {@code chromedriver} (CI installs
 * both): nothing is downloaded, and the flags keep it off the network it cannot reach here.
 */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    Browser() throws IOException {
        profile = Files.createTempDirectory("rujukan-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(path("rujukan.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-quic", "--no-first-run", "--window-size=412,915", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(path("rujukan.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    ChromeDriver driver() {
        return driver;
    }

    private static String path(String property, String fallback) {
        String path = System.getProperty(property, fallback);
        if (!new File(path).canExecute()) {
            throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
                    + "(.ci/run does)");
        }
        return path;
    }

    @Override
    public void close() {
        driver.quit();
        Directories.delete(profile);
    }
}
