package id.rujukan.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service running as a child process, its output in a log file. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, List<String> command, Process process, int port, Path log) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} with the given configuration as
     * system properties.
     */
    static ServiceProcess start(Path root, String name, int port, Map<String, String> config, Path logDir)
            throws IOException {
        return start(root, name, port, config, logDir, false);
    }

    /**
     * @param fullJit for measurements: the JIT compiles hot code fully, and collections are logged, instead of the
     *        quick start of the first compiler tier only
     */
    static ServiceProcess start(Path root, String name, int port, Map<String, String> config, Path logDir,
            boolean fullJit) throws IOException {
        return start(root, name, name, port, config, logDir, fullJit);
    }

    /**
     * @param module the service's module, whose jar is started
     * @param name what the process is known and logs by: the module's name, or another for a second process of it
     *        (an agency's own gateway beside the shared one)
     */
    static ServiceProcess start(Path root, String module, String name, int port, Map<String, String> config,
            Path logDir, boolean fullJit) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: build with ./mvnw package -DskipTests first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // heaps as measured in bench/RESULTS.md (P4): 128 MiB holds referral- and notification-service under
        // the benchmark's load (a few full collections in a run); the gateway's live set outgrew it (247 full
        // collections, two minutes of pauses, in the run of 2026-11-28), so it keeps the 512 MiB it ran with
        // before until that growth is understood
        command.add("agency-gateway".equals(module) || "bench/floor".equals(module) ? "-Xmx512m" : "-Xmx128m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xss512k");
        if (fullJit) {
            command.add("-Xlog:gc:file=" + logDir.resolve(fileName(name) + "-gc.log"));
        } else {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(logDir);
        Path log = logDir.resolve(fileName(name) + ".log");
        return new ServiceProcess(name, command, launch(command, ProcessBuilder.Redirect.to(log.toFile())), port, log);
    }

    /** A module's name as a file name: {@code bench/floor} logs to {@code bench-floor.log}. */
    private static String fileName(String name) {
        return name.replace('/', '-');
    }

    private static Process launch(List<String> command, ProcessBuilder.Redirect output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        // glibc gives each thread that allocates its own 64 MiB arena; a few are enough for a JVM, whose heap
        // is not malloc'ed, and many cost resident memory for nothing
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    /** Starts the service again as it was started, after it ended; its log goes on in the same file. */
    ServiceProcess startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return new ServiceProcess(name, command, launch(command, ProcessBuilder.Redirect.appendTo(log.toFile())),
                port, log);
    }

    String name() {
        return name;
    }

    /** Waits until the service says it is ready (Kafka, database and its own checks). */
    void awaitReady(Duration timeout) throws InterruptedException {
        Readiness.await(name, process, URI.create("http://127.0.0.1:" + port + "/q/health/ready"), timeout, log);
    }

    /** Kills the service at once (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Asks the service to stop (SIGTERM) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Asks the service to stop (SIGTERM), and kills it if it has not within ten seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
