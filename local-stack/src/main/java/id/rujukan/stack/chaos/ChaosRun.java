package id.rujukan.stack.chaos;

import id.rujukan.infra.ConsumerLag;
import id.rujukan.infra.PostgresServer;
import id.rujukan.stack.AgencyTokens;
import id.rujukan.stack.LocalStack;
import id.rujukan.stack.StackPorts;
import id.rujukan.stack.chaos.Workload.Kind;
import id.rujukan.stack.chaos.Workload.Submission;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/**
 * The fault-injection run behind chaos/run.sh. It starts the local stack (every service a child process,
 * Kafka and PostgreSQL durable), drives 10,000 referrals through the gateway as agency systems would, and
 * meanwhile: kills each service with SIGKILL and starts it again, restarts the Kafka broker, stops
 * PostgreSQL for ten seconds, and makes both SMS providers fail for a minute. After each fault it times the
 * recovery: from the fault's end until an emergency submitted then has been alerted by email and SMS (within
 * 30 s, whatever backlog the fault left), and until nothing is left waiting for a retry. Then it checks
 * everything (see {@link Verdict}) and prints referrals lost, duplicate notifications, escalations missed or
 * doubled: all must be 0. An alert sent again because notification-service was killed between handing it over and
 * recording it is counted apart: delivery is at least once.
 */
public final class ChaosRun {

    private static final String[] SERVICES = {"agency-gateway", "referral-service", "notification-service"};
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(5);
    /** After every fault, a new emergency must reach its officers by email and SMS within this. */
    private static final Duration ALERTED_WITHIN = Duration.ofSeconds(30);

    private final LocalStack stack;
    private final Workload workload;
    private final AgencyTokens tokens;
    private final String jdbcBase;
    private final List<String> recoveries = new ArrayList<>();
    /** When notification-service was killed: an alert it had handed over but not yet recorded goes again. */
    private final List<Instant> senderKills = new ArrayList<>();
    private int slowRecoveries;
    /** The SMS providers' rate limits in this run, in words for the report. */
    private final String smsLimits;

    private ChaosRun(LocalStack stack, Workload workload, AgencyTokens tokens, String smsLimits) {
        this.smsLimits = smsLimits;
        this.stack = stack;
        this.workload = workload;
        this.tokens = tokens;
        this.jdbcBase = "jdbc:postgresql://127.0.0.1:" + stack.ports().postgres() + "/";
    }

    public static void main(String[] args) throws Exception {
        LocalStack.quietLogging();
        Path root = Path.of(System.getProperty("rujukan.root", ".")).toAbsolutePath().normalize();
        Map<String, String> options = new HashMap<>(Map.of("referrals", "10000", "rate", "15",
                "data-dir", root.resolve("target/chaos/stack").toString(),
                "out", root.resolve("target/chaos/results.md").toString()));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int referrals = Integer.parseInt(options.get("referrals"));
        int rate = Integer.parseInt(options.get("rate"));
        // the SMS contracts as deployed (the SMSC 20 a second, the aggregator 10), unless the run is to measure the
        // machine alone: at 15 referrals a second the run asks about 43 SMS a second, more than the contracts carry,
        // so routine SMS queue behind the providers' limits while emergencies and escalations must go first
        Map<String, String> notification = new HashMap<>(Map.of("rujukan.delivery.quiet-hours.start", "00:00",
                "rujukan.delivery.quiet-hours.end", "00:00"));
        if (options.containsKey("sms-per-second")) {
            notification.put("rujukan.sms.providers.smsc.rate-per-second", options.get("sms-per-second"));
            notification.put("rujukan.sms.providers.aggregator.rate-per-second", options.get("sms-per-second"));
        }
        Instant began = Instant.now();
        System.out.println("Starting the local stack (fresh, in " + options.get("data-dir") + ")...");
        // the stack as ./run-local.sh runs it (agencies' rate limits on), but with emergencies that escalate
        // within the run, and SMS at any hour
        LocalStack stack = LocalStack.start(root, Path.of(options.get("data-dir")), true, StackPorts.standard(), false,
                Map.of("referral-service", Map.of(
                        "rujukan.deadlines.urgency.emergency.received-within", "PT1M",
                        "rujukan.escalation.chains.emergency",
                        "OFFICERS:PT0S,SUPERVISOR:PT20S,HEAD:PT20S,PROVINCE:PT20S,MINISTRY:PT20S"),
                        "notification-service", notification));
        // Ctrl-C stops the services and servers too
        Thread stopper = new Thread(stack::close, "chaos-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        int exit;
        AgencyTokens tokens = new AgencyTokens("http://127.0.0.1:" + stack.ports().keycloak());
        try (Workload workload = new Workload("http://127.0.0.1:" + stack.ports().gateway(), tokens,
                Files.readString(root.resolve("local-stack/demo/referral.json")))) {
            exit = new ChaosRun(stack, workload, tokens, options.containsKey("sms-per-second")
                    ? "lifted to " + options.get("sms-per-second") + " a second each"
                    : "as contracted, the SMSC 20 a second and the aggregator 10").run(root, referrals, rate, Path.of(options.get("out")), began);
        } finally {
            stack.close();
        }
        Runtime.getRuntime().removeShutdownHook(stopper);
        System.exit(exit);
    }

    private int run(Path root, int referrals, int rate, Path out, Instant began) throws Exception {
        System.out.printf("Submitting %d referrals at %d/s (a tenth emergencies nobody acknowledges)...%n",
                referrals, rate);
        Instant started = Instant.now();
        workload.start(referrals, rate);
        Thread.sleep(20_000);

        for (String service : SERVICES) {
            fault("SIGKILL " + service + ", started again", () -> {
                stack.kill(service);
                if ("notification-service".equals(service)) {
                    senderKills.add(Instant.now());
                }
                stack.startAgain(service);
            });
        }
        fault("Kafka broker restarted", stack::restartKafka);
        fault("PostgreSQL stopped for 10 s", () -> {
            stack.stopPostgres();
            Thread.sleep(10_000);
            stack.startPostgres();
        });
        fault("both SMS providers failing for 60 s", () -> {
            stack.smsProvidersFailing(true);
            Thread.sleep(60_000);
            stack.smsProvidersFailing(false);
        });

        System.out.println("Faults done; waiting for the last referrals, actions, escalations and alerts...");
        boolean allSubmitted = workload.awaitSubmitted(Duration.ofMinutes(15));
        boolean allActed = workload.awaitActions(Duration.ofMinutes(10));
        Duration flowed = Duration.between(started, Instant.now());
        // a backlog of routine SMS held by the providers' limits drains after the last referral: minutes at 15/s
        Instant lastSubmitted = Instant.now();
        Instant settled = settle(Duration.ofMinutes(20));

        System.out.println("Checking every referral, escalation and alert...");
        List<Submission> submissions = List.copyOf(workload.submissions().values());
        Verdict verdict = new Verdict(root.resolve("referral-service/src/main/resources/seed/agencies.json"));
        try (Connection referralDb = connect("referral")) {
            verdict.referrals(submissions, referralDb, gatewayStates(submissions));
            verdict.escalations(submissions, referralDb, "127.0.0.1:" + stack.ports().kafka());
        }
        verdict.notifications(submissions, stack.mail().received(), stack.smsReceived(), senderKills);

        List<String> report = new ArrayList<>();
        report.add(String.format("%d referrals (and %d canaries) submitted at %d/s over %d s, all taken: %s, "
                + "all acknowledgements and acceptances taken: %s; requests given up on: %d", referrals,
                submissions.stream().filter(s -> s.kind == Kind.CANARY).count(), rate, flowed.toSeconds(),
                allSubmitted, allActed, workload.gaveUp()));
        report.add("retried requests, by cause: " + workload.retriedBecause());
        report.add("SMS providers' rate limits: " + smsLimits + "; every alert handed over "
                + (settled == null ? "NOT within 20 min" : String.format("%.0f s", seconds(lastSubmitted, settled)))
                + " after the last referral and action were taken");
        report.addAll(recoveries);
        report.addAll(verdict.lines);
        report.add("faults after which a new emergency was not alerted within " + ALERTED_WITHIN.toSeconds()
                + " s: " + slowRecoveries);
        boolean passed = verdict.clean() && slowRecoveries == 0;
        report.add("VERDICT: " + (passed ? "nothing lost, no alert twice but for a kill's resend, every emergency alerted in time" : "FAILED")
                + " (whole run " + Duration.between(began, Instant.now()).toSeconds() + " s)");
        System.out.println();
        report.forEach(System.out::println);
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        return passed ? 0 : 1;
    }

    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    /**
     * Injects one fault and measures the recovery from its end: until a referral submitted at that moment has
     * been handed to the SMTP server and the SMSC, and until no alert is waiting for a retry.
     */
    private void fault(String name, Fault fault) throws Exception {
        System.out.println("Fault: " + name + "...");
        Instant start = Instant.now();
        try {
            fault.inject();
        } catch (Exception | Error e) {
            // e.g. a service not ready within two minutes of its restart: say so, and go on measuring
            System.out.println("  " + name + ": " + e.getMessage());
            recoveries.add("fault " + name + ": " + e.getMessage());
        }
        Instant lifted = Instant.now();
        Submission canary = workload.canary();
        Instant alerted = null;
        Instant drained = null;
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        while ((alerted == null || drained == null) && System.nanoTime() < deadline) {
            try (Connection db = connect("notification")) {
                if (alerted == null && canary.referralId != null && channelsSent(db, canary.referralId) == 2) {
                    alerted = Instant.now();
                }
                if (drained == null && count(db, "select count(*) from notification "
                        + "where status = 'QUEUED' and attempts > 0") == 0) {
                    drained = Instant.now();
                }
            } catch (SQLException e) {
                // the database is still coming back
            }
            Thread.sleep(200);
        }
        if (alerted == null || Duration.between(lifted, alerted).compareTo(ALERTED_WITHIN) > 0) {
            slowRecoveries++;
        }
        String line = String.format("fault %-45s lasted %5.1f s; recovered: a new emergency alerted %s, "
                + "retries drained %s", name, seconds(start, lifted), after(lifted, alerted), after(lifted, drained));
        System.out.println(line);
        recoveries.add(line);
        Thread.sleep(5_000);
    }

    private static String after(Instant from, Instant to) {
        return to == null ? "NOT within " + RECOVERY_TIMEOUT.toMinutes() + " min"
                : String.format("%.1f s after", seconds(from, to));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static int channelsSent(Connection db, String referralId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(distinct channel) from notification "
                + "where referral_id = ? and sent_at is not null")) {
            query.setString(1, referralId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * Waits until the stack has done everything it was given: every consumer group has read its topics to
     * the end, no alert is queued, and every emergency's chain has fired; returns when, or null if it did not.
     */
    private Instant settle(Duration timeout) throws Exception {
        long emergencies = workload.submissions().values().stream()
                .filter(s -> s.kind == Kind.ESCALATE && s.referralId != null).count();
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties config = new Properties();
        config.put("bootstrap.servers", "127.0.0.1:" + stack.ports().kafka());
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                long lag = ConsumerLag.ofAllGroups(admin);
                long queued;
                long fired;
                try (Connection notification = connect("notification"); Connection referral = connect("referral")) {
                    queued = count(notification, "select count(*) from notification where status = 'QUEUED'");
                    fired = count(referral, "select count(*) from escalation where deadline = 'RECEIVE'");
                }
                if (lag == 0 && queued == 0 && fired >= emergencies * Verdict.CHAIN.size()) {
                    Instant settled = Instant.now();
                    Thread.sleep(5_000); // anything fired or sent twice would show by now
                    return settled;
                }
                Thread.sleep(2_000);
            }
        }
        System.out.println("  the stack did not settle within " + timeout.toMinutes() + " min; checking anyway");
        return null;
    }

    /**
     * The state the gateway shows for each referral (GET /api/v1/referrals/{id}), to the referrer or the
     * receiver in turn, at the agencies' rate limits: a 429 is retried after the time it asks.
     */
    private Map<String, String> gatewayStates(List<Submission> submissions) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> states = new HashMap<>();
        for (Submission submission : submissions) {
            if (submission.referralId == null) {
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.ports().gateway()
                    + "/api/v1/referrals/" + submission.referralId))
                    .header("Authorization", "Bearer " + tokens.of(submission.index % 2 == 0
                            ? Workload.REFERRER : submission.target()))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < 20) {
                    Thread.sleep(response.headers().firstValueAsLong("Retry-After").orElse(1) * 1000);
                    continue;
                }
                states.put(submission.referralId, response.statusCode() == 200
                        ? Workload.json().readTree(response.body()).path("state").asText()
                        : "HTTP " + response.statusCode());
                break;
            }
        }
        return states;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcBase + database, PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
