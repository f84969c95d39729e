package id.rujukan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages as an officer's phone shows them, whole, into {@code local-stack/target/screenshots}: the README's
 * pictures of the console are these (copied to {@code docs/console}), so they show what the tests saw.
 */
final class Screenshots {

    private static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    static void take(ChromeDriver page, String name) {
        Dimension phone = page.manage().window().getSize();
        long height = ((Number) page.executeScript("return document.documentElement.scrollHeight")).longValue();
        try {
            page.manage().window().setSize(new Dimension(phone.getWidth(), (int) Math.max(height, phone.getHeight())));
            Files.createDirectories(DIRECTORY);
            Files.write(DIRECTORY.resolve(name + ".png"), page.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            page.manage().window().setSize(phone);
        }
    }
}
