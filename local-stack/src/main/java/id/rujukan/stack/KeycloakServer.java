package id.rujukan.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak, from the server distribution unpacked by the build (no Docker), in dev mode with an
 * in-memory database: the realm is imported from the repository's JSON at every start, so it is always
 * what the repository says. Its issuer is fixed to {@code http://localhost:<port>} whatever host name a
 * client uses.
 */
public final class KeycloakServer implements AutoCloseable {

    static final String REALM = "rujukan";
    /** The local stack's Keycloak admin (master realm): a development stack's, as the realm's users are. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "dev-password";

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private KeycloakServer(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts Keycloak from {@code <root>/local-stack/target/keycloak} with the realm of
     * {@code <root>/k8s/base/keycloak/rujukan-realm.json}; does not wait for it (see {@link #awaitReady}).
     *
     * @param gatewayUrl where the gateway listens, e.g. {@code http://localhost:8080}: officers signing in to its
     *        mobile page are sent back there
     */
    static KeycloakServer start(Path root, int port, int managementPort, String gatewayUrl, Path logDir)
            throws IOException {
        Path home;
        try (var dists = Files.list(root.resolve("local-stack/target/keycloak"))) {
            home = dists.filter(dir -> Files.exists(dir.resolve("bin/kc.sh"))).findFirst().orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No Keycloak under local-stack/target/keycloak: build with "
                    + "./mvnw package -DskipTests first", e);
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        // the realm lets officers sign in to the gateway's mobile page at its documented address; this stack's
        // gateway may listen elsewhere (the tests pick free ports)
        String realm = Files.readString(root.resolve("k8s/base/keycloak/rujukan-realm.json"))
                .replace("\"http://localhost:8080/*\"", "\"" + gatewayUrl + "/*\"");
        Files.writeString(imports.resolve("rujukan-realm.json"), realm);
        Files.createDirectories(logDir);
        Path log = logDir.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--health-enabled=true", "--import-realm",
                "--hostname=http://localhost:" + port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // the admin console of this throwaway stack (master realm), as the README says; never in a cluster
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new KeycloakServer(builder.start(), port, managementPort, log);
    }

    /** The master realm's admin of the local stack, e.g. for a test to change the realm's settings. */
    public String adminUrl() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer, as tokens carry it. */
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        Readiness.await("Keycloak", process, URI.create("http://127.0.0.1:" + managementPort + "/health/ready"),
                timeout, log);
    }

    /** Stops kc.sh and the JVM it started (SIGTERM), and kills what is left after ten seconds. */
    @Override
    public void close() {
        List<ProcessHandle> all = process.descendants().toList();
        process.destroy();
        all.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle child : all) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            process.destroyForcibly();
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public String toString() {
        return "Keycloak on port " + port;
    }
}
