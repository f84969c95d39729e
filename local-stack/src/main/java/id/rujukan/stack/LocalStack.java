package id.rujukan.stack;

import id.rujukan.contract.EventSigner;
import id.rujukan.infra.AlertsPage;
import id.rujukan.infra.Directories;
import id.rujukan.infra.KafkaBroker;
import id.rujukan.infra.MailServer;
import id.rujukan.infra.PostgresServer;
import id.rujukan.infra.SmsAggregator;
import id.rujukan.infra.SmsCenter;
import id.rujukan.infra.TraceCollector;
import id.rujukan.infra.testing.DevKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.logging.LogManager;
import java.util.stream.Stream;

/**
 * The whole system on one machine, without Docker: Keycloak, PostgreSQL, Kafka (KRaft), an SMTP server, an
 * SMSC simulator (SMPP) and an SMS aggregator's HTTP API with a page of every alert sent, then the three
 * packaged services as child processes. All data lives under one directory;
 * {@code --fresh} wipes it first. Ctrl-C stops everything.
 */
public final class LocalStack implements AutoCloseable {

    static final List<String> DATABASES = List.of("gateway", "referral", "notification");
    static final String SMSC_SYSTEM_ID = "rujukan";
    static final String SMSC_PASSWORD = "dev-smpp";
    static final String AGGREGATOR_API_KEY = "dev-aggregator-key";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final StackPorts ports;
    private final List<AutoCloseable> running = new ArrayList<>();
    private MailServer mail;
    private SmsCenter smsc;
    private SmsAggregator smsAggregator;
    private TraceCollector traces;
    /** For bench/run.sh: the HTTP floor started; limits meant for agencies and SMS contracts, and quiet hours, off. */
    private final boolean bench;
    /** More configuration per service (by name), over the stack's own. */
    private final Map<String, Map<String, String>> extraConfig;
    private KeycloakServer keycloak;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private Path dataDir;

    private LocalStack(StackPorts ports, boolean bench, Map<String, Map<String, String>> extraConfig) {
        this.ports = ports;
        this.bench = bench;
        this.extraConfig = extraConfig;
    }

    /**
     * The launcher's logging (and that of a tool run beside it, the benchmark or the fault run): the Kafka
     * clients and servers it hosts speak up only when something is wrong.
     */
    public static void quietLogging() throws IOException {
        try (InputStream logging = LocalStack.class.getResourceAsStream("/logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
        }
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Path root = Path.of(System.getProperty("rujukan.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(".local-stack");
        boolean fresh = false;
        boolean bench = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--bench" -> bench = true;
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("usage: local-stack [--fresh] [--data-dir DIR] [--bench]");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        LocalStack stack = start(root, dataDir, fresh, StackPorts.standard(), bench);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        stack.printWelcome(dataDir, Duration.ofNanos(System.nanoTime() - started));
        stopped.await();
    }

    /** Starts everything and returns once every service is ready. */
    public static LocalStack start(Path root, Path dataDir, boolean fresh, StackPorts ports) throws Exception {
        return start(root, dataDir, fresh, ports, false);
    }

    /**
     * @param bench as for bench/run.sh: the HTTP floor started ({@link #floorPort}), and no rate limit per agency or
     *        per SMS provider (the load comes from one agency, and the simulators take any rate)
     */
    public static LocalStack start(Path root, Path dataDir, boolean fresh, StackPorts ports, boolean bench)
            throws Exception {
        return start(root, dataDir, fresh, ports, bench, Map.of());
    }

    /**
     * @param extraConfig configuration per service name (e.g. {@code referral-service}) over the stack's own,
     *        e.g. the fault-injection run's deadlines in seconds
     */
    public static LocalStack start(Path root, Path dataDir, boolean fresh, StackPorts ports, boolean bench,
            Map<String, Map<String, String>> extraConfig) throws Exception {
        if (fresh) {
            Directories.delete(dataDir);
        }
        Files.createDirectories(dataDir);
        LocalStack stack = new LocalStack(ports, bench, extraConfig);
        try {
            stack.startAll(root, dataDir);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startAll(Path root, Path dataDir) throws Exception {
        Path logs = dataDir.resolve("logs");
        // the slowest to start: it boots while the rest comes up
        String gatewayUrl = "http://localhost:" + ports.gateway();
        KeycloakServer keycloak = KeycloakServer.start(root, ports.keycloak(), ports.keycloakManagement(), gatewayUrl,
                logs);
        running.add(keycloak);
        postgres = PostgresServer.startDurable(dataDir.resolve("postgres"), ports.postgres());
        running.add(postgres);
        postgres.createDatabases(DATABASES);
        kafka = KafkaBroker.start(dataDir.resolve("kafka"), ports.kafka());
        running.add(kafka);
        // and the own topics of the demo agencies, which the stack's shared gateway acts for
        kafka.createTopicsFor(DevKeys.agencies());
        mail = MailServer.start(ports.smtp());
        running.add(mail);
        smsc = SmsCenter.start(ports.smsc(), SMSC_SYSTEM_ID, SMSC_PASSWORD);
        running.add(smsc);
        smsAggregator = SmsAggregator.start(ports.smsAggregator(), AGGREGATOR_API_KEY);
        running.add(smsAggregator);
        running.add(AlertsPage.start(ports.alerts(), mail::received, this::smsReceived));
        traces = TraceCollector.start(ports.traces());
        running.add(traces);
        String linkSecret = secret(dataDir, "action-link-secret");
        List<ServiceProcess> services = List.of(
                ServiceProcess.start(root, "referral-service", ports.referralService(),
                        with(common(kafka, postgres, "referral"),
                                // operators' tokens for the directory API; its keys are fetched when Keycloak is up
                                Map.of("quarkus.oidc.auth-server-url", keycloak.issuer(),
                                        // the demo agencies' dev-only keys, which the stack's gateway signs with
                                        "rujukan.directory.seed-signing-keys", "true"),
                                extra("referral-service")), logs, bench),
                ServiceProcess.start(root, "notification-service", ports.notificationService(), with(
                        common(kafka, postgres, "notification"),
                        Map.of("quarkus.mailer.host", "127.0.0.1",
                                "quarkus.mailer.port", Integer.toString(ports.smtp()),
                                "rujukan.action-links.base-url", gatewayUrl + "/m/",
                                "rujukan.action-links.console-url", gatewayUrl + "/console/",
                                "rujukan.action-links.secret", linkSecret,
                                "rujukan.sms.providers.smsc.smpp.port", Integer.toString(ports.smsc()),
                                "rujukan.sms.providers.smsc.smpp.system-id", SMSC_SYSTEM_ID,
                                "rujukan.sms.providers.smsc.smpp.password", SMSC_PASSWORD,
                                "rujukan.sms.providers.aggregator.http.endpoint", smsAggregator.endpoint(),
                                "rujukan.sms.providers.aggregator.http.api-key", AGGREGATOR_API_KEY),
                        // the benchmark measures the time to an alert's hand-over whatever the hour: an SMS held
                        // for quiet hours (22:00-06:00 in the recipient's zone) would never be handed over in a run
                        benchOnly(Map.of("rujukan.sms.providers.smsc.rate-per-second", "100000",
                                "rujukan.sms.providers.aggregator.rate-per-second", "100000",
                                "rujukan.delivery.quiet-hours.start", "00:00",
                                "rujukan.delivery.quiet-hours.end", "00:00")),
                        extra("notification-service")), logs, bench));
        running.addAll(services);
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
        }
        // the gateway verifies tokens with Keycloak's keys, which it fetches at start
        keycloak.awaitReady(READY_TIMEOUT);
        this.keycloak = keycloak;
        this.dataDir = dataDir;
        ServiceProcess gateway = ServiceProcess.start(root, "agency-gateway", ports.gateway(), with(
                gatewayConfig("gateway", "master-key"), extra("agency-gateway")), logs, bench);
        running.add(gateway);
        gateway.awaitReady(READY_TIMEOUT);
        if (bench) {
            // started like the gateway, with its heap and JIT: the floor it is measured against
            ServiceProcess floor = ServiceProcess.start(root, "bench/floor", floorPort(ports), Map.of(), logs, true);
            running.add(floor);
            floor.awaitReady(READY_TIMEOUT);
        }
    }

    /** A gateway's configuration in this stack: its database, its master key (a secret of the data directory). */
    private Map<String, String> gatewayConfig(String database, String masterKey) throws IOException {
        return with(common(kafka, postgres, database),
                Map.of("rujukan.protection.master-key", secret(dataDir, masterKey),
                        "quarkus.oidc.auth-server-url", keycloak.issuer(),
                        "quarkus.oidc.mobile.auth-server-url", keycloak.issuer(),
                        "rujukan.action-links.secret", secret(dataDir, "action-link-secret"),
                        "quarkus.rest-client.referral-service.url", "http://127.0.0.1:" + ports.referralService(),
                        // an agency system trying webhooks on this machine listens on loopback
                        "rujukan.webhook.allowed-hosts", "localhost,127.0.0.1"),
                benchOnly(Map.of("rujukan.rate-limit.per-second", "1000000",
                        "rujukan.rate-limit.burst", "1000000")));
    }

    /**
     * Starts a gateway as an agency (or its province) runs its own beside the shared one: acting for
     * {@code agencies} alone, with their keys alone ({@link #keysOf}), its own database, master key and consumer
     * group, on {@code port}; stopped with the stack. The shared gateway should then act for the others only
     * ({@code rujukan.gateway.agencies} and {@code rujukan.signing.key-dir} in the stack's extra configuration).
     *
     * @param name the gateway's name (lower case): its database {@code gateway_<name>}, its log
     *        {@code agency-gateway-<name>.log}
     */
    public void startOwnGateway(Path root, String name, List<String> agencies, int port) throws Exception {
        String database = "gateway_" + name.replace('-', '_');
        postgres.createDatabases(List.of(database));
        Path keys = keysOf(dataDir.resolve("keys-" + name), agencies::contains);
        ServiceProcess gateway = ServiceProcess.start(root, "agency-gateway", "agency-gateway-" + name, port,
                with(gatewayConfig(database, "master-key-" + name),
                        Map.of("rujukan.signing.key-dir", keys.toString(),
                                "rujukan.gateway.agencies", String.join("|", agencies),
                                "rujukan.gateway.consumer-group", "gateway." + name + ".events")),
                dataDir.resolve("logs"), bench);
        running.add(gateway);
        gateway.awaitReady(READY_TIMEOUT);
    }

    /**
     * A key directory with the dev keys (signing and grant) of the agencies {@code owners} accepts: what the Secret
     * of a gateway acting for those agencies would hold. No service's key: a gateway signs as no service.
     */
    public static Path keysOf(Path dir, Predicate<String> owners) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(DevKeys.dir())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")).toList()) {
                String owner = file.getFileName().toString().substring(0, file.getFileName().toString().indexOf('.'));
                if (owners.test(owner) && !EventSigner.services().contains(owner)) {
                    Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir;
    }

    private Map<String, String> common(KafkaBroker kafka, PostgresServer postgres, String database) {
        // the benchmark traces only the referrals it marks (a sampled traceparent on their POST): tracing every
        // one of thousands a second would measure the tracing
        return with(benchOnly(Map.of("quarkus.otel.traces.sampler", "parentbased_always_off")), Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                // traces to the stack's collector, soon after each span ends; logs as text for people
                "quarkus.otel.exporter.otlp.traces.endpoint", traces.endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "200ms",
                "quarkus.log.console.json.enabled", "false",
                // the dev-only keys: the shared gateway signs for every demo agency, each service as itself
                "rujukan.signing.key-dir", DevKeys.dir().toString(),
                "rujukan.signing.service-keys", DevKeys.serviceKeys()));
    }

    @SafeVarargs
    private static Map<String, String> with(Map<String, String> base, Map<String, String>... more) {
        Map<String, String> all = new HashMap<>(base);
        for (Map<String, String> each : more) {
            all.putAll(each);
        }
        return all;
    }

    private Map<String, String> benchOnly(Map<String, String> config) {
        return bench ? config : Map.of();
    }

    private Map<String, String> extra(String service) {
        return extraConfig.getOrDefault(service, Map.of());
    }

    /**
     * A secret of this data directory (the gateway's master key, the action links' key): made once, so a
     * second run still opens old data and old links.
     */
    private static String secret(Path dataDir, String name) throws IOException {
        Path file = dataDir.resolve(name);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    /** Where the benchmark's HTTP floor (module bench/floor) listens in a bench stack: next to the gateway. */
    public static int floorPort(StackPorts ports) {
        return ports.gateway() + 1;
    }

    public StackPorts ports() {
        return ports;
    }

    /** The identity provider agencies get their tokens from. */
    public KeycloakServer keycloak() {
        return keycloak;
    }

    /**
     * A database of the stack's PostgreSQL server, for a check of what a service holds (its user and password are
     * {@link PostgresServer}'s).
     */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The SMTP server every alert goes to. */
    public MailServer mail() {
        return mail;
    }

    /** The spans the services have exported. */
    public TraceCollector traces() {
        return traces;
    }

    /** Every SMS the SMSC and the aggregator took. */
    public List<SmsCenter.ReceivedSms> smsReceived() {
        return Stream.concat(smsc.received().stream(), smsAggregator.received().stream()).toList();
    }

    /** Kills a service ({@code agency-gateway}, ...) with SIGKILL, as a crash would. */
    public void kill(String service) throws InterruptedException {
        service(service).kill();
    }

    /** Starts a service that was killed again, as it was started, and waits until it is ready. */
    public void startAgain(String service) throws Exception {
        launchAgain(service);
        awaitReady(service);
    }

    /** Starts a service that was killed again, as it was started, without waiting for it. */
    public void launchAgain(String service) throws IOException {
        ServiceProcess ended = service(service);
        running.set(running.indexOf(ended), ended.startAgain());
    }

    /** Waits until a service says it is ready (Kafka, database and its own checks). */
    public void awaitReady(String service) throws InterruptedException {
        service(service).awaitReady(READY_TIMEOUT);
    }

    private ServiceProcess service(String name) {
        return running.stream().filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast)
                .filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Restarts the Kafka broker (a clean shutdown and start on the same data and port). */
    public void restartKafka() {
        kafka.restart();
    }

    /** Stops the Kafka broker until {@link #startKafka()}. */
    public void stopKafka() {
        kafka.stop();
    }

    public void startKafka() {
        kafka.startAgain();
    }

    /** Stops PostgreSQL (connections cut) until {@link #startPostgres()}. */
    public void stopPostgres() throws IOException {
        postgres.stop();
    }

    public void startPostgres() throws IOException {
        postgres.startAgain();
    }

    /** While true, both SMS providers refuse every message: the SMSC with an error, the aggregator with 503. */
    public void smsProvidersFailing(boolean failing) {
        smsc.refuseSubmissions(failing);
        smsAggregator.failing(failing);
    }

    private void printWelcome(Path dataDir, Duration took) {
        String gateway = "http://localhost:" + ports.gateway();
        System.out.printf("""

                Rujukan is running (started in %d s). Data: %s
                  Agency gateway API   %s/api/v1/referrals   (OpenAPI: %s/q/openapi)
                  Alerts sent          http://localhost:%d/   (every SMS and email, newest first; links open)
                  Keycloak             http://localhost:%d/   (realm rujukan; dev secrets in k8s/base/keycloak)
                  referral-service     http://localhost:%d/q/health
                  notification-service http://localhost:%d/q/health
                  Kafka %s   PostgreSQL 127.0.0.1:%d (user postgres)   SMTP 127.0.0.1:%d
                  SMSC (SMPP) 127.0.0.1:%d   SMS aggregator API %s   Traces (OTLP/HTTP) %s
                  Service logs         %s

                Try it (README, "First referral"):
                  TOKEN=$(curl -s -d grant_type=client_credentials -u rutan-martapura:dev-secret-rutan-martapura \\
                    http://localhost:%d/realms/rujukan/protocol/openid-connect/token | jq -r .access_token)
                  curl -i -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                    -d @local-stack/demo/referral.json %s/api/v1/referrals

                Ctrl-C stops everything.
                """, took.toSeconds(), dataDir, gateway, gateway, ports.alerts(), ports.keycloak(), ports.referralService(),
                ports.notificationService(), "127.0.0.1:" + ports.kafka(), ports.postgres(), ports.smtp(), ports.smsc(),
                smsAggregator.endpoint(), traces.endpoint(),
                dataDir.resolve("logs"), ports.keycloak(), gateway);
    }

    /** Stops the services first (all at once), then what they depend on, in reverse order of starting. */
    @Override
    public void close() {
        running.stream().filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast)
                .forEach(ServiceProcess::requestStop);
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("Stopping " + running.get(i) + " failed: " + e);
            }
        }
        running.clear();
    }

}
