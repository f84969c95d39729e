package id.rujukan.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core, the accessibility engine most audits use, run in the page the browser shows: the serious and
 * critical violations it finds, each as "rule: what it asks, where".
 */
final class Accessibility {

    private static final String AXE = load();

    private Accessibility() {
    }

    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(ChromeDriver page) {
        page.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        page.executeScript(AXE);
        return (List<String>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))));
                """);
    }

    private static String load() {
        // the version the build resolved (failsafe passes it), so the pom is the one place it is named
        String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("rujukan.axe-core.version")
                + "/axe.min.js";
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
