package id.rujukan.stack;

import id.rujukan.infra.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole local stack, fresh, on free ports and in a temporary directory of its own, for one test class:
 * started before its tests, stopped and removed after them. The services' logs are kept in
 * {@code local-stack/target/stack-logs}: a failure seen once in CI is otherwise gone with the directory.
 */
record FreshStack(Path root, Path dataDir, LocalStack stack) implements AutoCloseable {

    static FreshStack start(String name) throws Exception {
        return start(name, Map.of());
    }

    /** @param extraConfig per service, settings on top of its own (e.g. shorter deadlines) */
    static FreshStack start(String name, Map<String, Map<String, String>> extraConfig) throws Exception {
        Path root = Path.of(System.getProperty("rujukan.root", "..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory(name);
        try {
            return new FreshStack(root, dataDir, LocalStack.start(root, dataDir, true, StackPorts.free(), false,
                    extraConfig));
        } catch (Exception | Error e) {
            Directories.delete(dataDir);
            throw e;
        }
    }

    String gateway() {
        return "http://127.0.0.1:" + stack.ports().gateway();
    }

    /** The demo referral of the README (from Rutan Martapura to Dinas Sosial OKU Timur, urgency HIGH). */
    String demoReferral() {
        try {
            return Files.readString(root.resolve("local-stack/demo/referral.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
        try {
            Path kept = root.resolve("local-stack/target/stack-logs").resolve(dataDir.getFileName());
            Files.createDirectories(kept.getParent());
            Path logs = dataDir.resolve("logs");
            try (Stream<Path> files = Files.walk(logs)) {
                // copied, not moved: the temporary directory may be on another file system
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, kept.resolve(logs.relativize(file).toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Directories.delete(dataDir);
        }
    }
}
