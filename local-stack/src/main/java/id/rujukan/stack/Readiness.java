package id.rujukan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Waits until a child process says it is ready on its health URL, or fails naming its log. */
final class Readiness {

    private Readiness() {
    }

    static void await(String name, Process process, URI health, Duration timeout, Path log)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log
                        + errorsIn(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log + errorsIn(log));
    }

    /**
     * The log's ERROR lines and causes, for the failure's message: a test's temporary directory, and the log
     * with it, is gone by the time anyone reads a CI report.
     */
    private static String errorsIn(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> errors = lines.filter(line -> line.contains(" ERROR ") || line.startsWith("Caused by"))
                    .limit(20).toList();
            return errors.isEmpty() ? "" : "; its errors:\n" + String.join("\n", errors);
        } catch (IOException | UncheckedIOException e) {
            return "; its log could not be read: " + e;
        }
    }
}
