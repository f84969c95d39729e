package id.rujukan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.ConsumerLag;
import id.rujukan.infra.TraceCollector;
import id.rujukan.stack.AgencyTokens;
import id.rujukan.stack.LocalStack;
import id.rujukan.stack.StackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The load generator of bench/run.sh, in its own JVM, against a local stack started with {@code --bench}.
 * Prints each figure as it is measured and writes them as Markdown rows for bench/RESULTS.md.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SERVICES = {"agency-gateway", "referral-service", "notification-service"};

    private final Map<String, String> options;
    /** HTTP/1.1, a pool of connections, as an ingress or an agency's system reaches the gateway. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    private final String body;
    private final List<String> results = new ArrayList<>();
    private final Map<String, Long> maxRss = new ConcurrentHashMap<>();
    /** Real tokens from the stack's Keycloak: the load comes from Rutan Martapura's system. */
    private final AgencyTokens tokens;

    private Bench(Map<String, String> options) throws IOException {
        this.options = options;
        this.tokens = new AgencyTokens(options.get("keycloak"));
        this.body = Files.readString(Path.of(options.get("root"), "local-stack/demo/referral.json"));
    }

    public static void main(String[] args) throws Exception {
        LocalStack.quietLogging();
        Map<String, String> options = new HashMap<>(Map.of("root", ".", "gateway", "http://127.0.0.1:8080",
                "keycloak", "http://127.0.0.1:8180", "kafka", "127.0.0.1:19092",
                "postgres", "jdbc:postgresql://127.0.0.1:15432/notification", "traces", "http://127.0.0.1:4318", "seconds", "30",
                "concurrency", "64", "rate", "500", "out", "target/bench-results.md"));
        options.put("floor", "http://127.0.0.1:" + LocalStack.floorPort(StackPorts.standard()));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new Bench(options).run();
    }

    private void run() throws Exception {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(this::sampleRss, 0, 500, TimeUnit.MILLISECONDS);
        int seconds = Integer.parseInt(options.get("seconds"));
        int concurrency = Integer.parseInt(options.get("concurrency"));

        System.out.println("Warming up (15 s each: the API and the floor)...");
        closedLoop(options.get("gateway") + "/api/v1/referrals", true, concurrency, 15);
        if (options.containsKey("latency-only")) {
            // for profiling one change at a time: only P2's trickle and its stage breakdown, a minute in all
            waitForQuiet();
            Map<String, Long> before = cpuTicks();
            lowRates().forEach(System.out::println);
            waitForQuiet();
            System.out.println("CPU per referral at 10/s and 50/s (ms): "
                    + cpuPerReferral(before, cpuTicks(), lowRatesSent));
            System.exit(0);
        }
        closedLoop(options.get("floor") + "/bench/floor", false, concurrency, 15);

        // the floor and Kafka first, on a quiet machine; then the gateway, while what it takes in flows on
        waitForQuiet();
        double floor = closedLoop(options.get("floor") + "/bench/floor", false, concurrency, seconds);
        int recordSize = intakeRecordSize();
        double kafka = kafkaProducerRate(recordSize);
        waitForQuiet();
        // the gateway alone, as the floor ran: referral-service and notification-service paused (SIGSTOP),
        // what it takes in waits in Kafka; then again with the whole pipeline working on what comes in
        double gatewayAlone;
        signal("STOP", "referral-service", "notification-service");
        try {
            gatewayAlone = closedLoop(options.get("gateway") + "/api/v1/referrals", true, concurrency,
                    Math.min(seconds, 20));
        } finally {
            signal("CONT", "referral-service", "notification-service");
        }
        waitForQuiet();
        Map<String, Long> cpuBefore = cpuTicks();
        long wallBefore = System.nanoTime();
        double gateway = closedLoop(options.get("gateway") + "/api/v1/referrals", true, concurrency, seconds);
        String cpu = cpuShare(cpuBefore, cpuTicks(), System.nanoTime() - wallBefore);
        // what each referral costs each process, from its POST to its last alert handed over: the CPU the
        // phase used until the pipeline had caught up with it, over the referrals the phase took in
        waitForQuiet();
        String perReferral = cpuPerReferral(cpuBefore, cpuTicks(), Math.round(gateway * seconds));
        System.out.println("P1 CPU per referral, POST to its alerts handed over: " + perReferral);
        System.out.printf("P1 gateway ingest alone (downstream paused): %.0f referrals/s, ratio to the floor %.2f%n",
                gatewayAlone, gatewayAlone / floor);
        System.out.println("P1 CPU during the gateway phase (share of the machine): " + cpu);
        System.out.printf("P1 gateway ingest: %.0f referrals/s accepted (202, token checked, acks=all)%n", gateway);
        System.out.printf("P1 HTTP floor:     %.0f requests/s (same stack, same body, 202, nothing done)%n", floor);
        System.out.printf("P1 Kafka producer: %.0f records/s of %d bytes, acks=all (ProducerPerformance)%n", kafka,
                recordSize);
        System.out.printf("P1 ratios: gateway/floor %.2f (target >= 0.5), gateway/Kafka %.2f%n", gateway / floor,
                gateway / kafka);
        results.add(String.format("| P1 | gateway ingest, %d concurrent, real tokens, acks=all | %.0f referrals/s | "
                + "HTTP floor %.0f/s (ratio %.2f, target >= 0.50: %s); Kafka producer %.0f records/s of %d B "
                + "(ratio %.3f) |", concurrency, gateway, floor, gateway / floor,
                gateway / floor >= 0.5 ? "met" : "**missed**", kafka, recordSize, gateway / kafka));
        results.add(String.format("| P1 | gateway ingest alone (referral- and notification-service paused) | "
                + "%.0f referrals/s | ratio to the floor %.2f: %s |", gatewayAlone, gatewayAlone / floor,
                gatewayAlone / floor >= 0.5 ? "met" : "**missed**"));
        results.add("| P1 | CPU while the gateway phase ran (share of all cores) | " + cpu + " | |");
        results.add("| P1 | CPU per referral, from its POST until its alerts were handed over (ms) | " + perReferral
                + " | |");

        // a trickle first, for the shape of the curve; then the two targets: 100/s with p99 under 50 ms, and
        // 500/s sustained for a minute with every referral alerted and p99 under 100 ms (last, since a rate
        // the machine cannot carry leaves a backlog behind it)
        results.addAll(lowRates());
        waitForQuiet();
        Latency at100 = openLoop(100, 30);
        System.out.println("P2 end to end at 100/s: " + at100);
        results.add(String.format("| P2 | POST to first alert handed to SMTP/SMSC, 100 referrals/s for 30 s | "
                + "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms | %d of %d alerted, %d not accepted; target p99 < 50 ms: "
                + "%s |", at100.p(50), at100.p(95), at100.p(99), at100.max(), at100.alerted(), at100.sent(),
                at100.refused(), at100.holds(50) ? "met" : "**missed**"));
        waitForQuiet();
        int target = Integer.parseInt(options.get("rate"));
        Latency atTarget = openLoop(target, 60);
        System.out.println("P2 end to end at " + target + "/s: " + atTarget);
        results.add(String.format("| P2 | POST to first alert handed to SMTP/SMSC, %d referrals/s for 60 s | "
                + "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms | %d of %d alerted within a minute, %d not accepted; "
                + "target every one alerted, p99 < 100 ms: %s |", target, atTarget.p(50), atTarget.p(95),
                atTarget.p(99), atTarget.max(), atTarget.alerted(), atTarget.sent(), atTarget.refused(),
                atTarget.holds(100) ? "met" : "**missed**"));

        sampler.shutdownNow();
        for (String service : SERVICES) {
            String started = startTime(service);
            long rss = maxRss.getOrDefault(service, 0L);
            System.out.printf("P4 %s: RSS under load %d MiB (max sampled), started in %s%n", service, rss / 1024, started);
            results.add(String.format("| P4 | %s | RSS %d MiB under load (max, sampled every 0.5 s; target < 250 MiB: "
                    + "%s) | started in %s (target < 3 s on an idle machine; this start shared it with Kafka and "
                    + "Keycloak starting) |", service, rss / 1024, rss / 1024 < 250 ? "met" : "**missed**", started));
        }
        Files.writeString(Path.of(options.get("out")), String.join("\n", results) + "\n");
        System.exit(0);
    }

    /** The referrals {@link #lowRates} sent, for the CPU each cost. */
    private long lowRatesSent;

    /** P2 at 10/s and 50/s for 15 s each, and where a referral's time went at 50/s: result rows. */
    private List<String> lowRates() throws Exception {
        List<String> rows = new ArrayList<>();
        String stages = "";
        for (int rate : new int[] {10, 50}) {
            waitForQuiet();
            Map<String, String> traces = new ConcurrentHashMap<>();
            Latency latency = openLoop(rate, 15, traces, rate == 50);
            if (!traces.isEmpty()) {
                stages = stages(traces.values());
                System.out.println("P2 where the time went at " + rate + "/s: " + stages);
            }
            System.out.println("P2 end to end at " + rate + "/s: " + latency);
            lowRatesSent += latency.sent();
            rows.add(String.format("| P2 | POST to first alert, %d referrals/s for 15 s | p50 %d ms, p95 %d ms, "
                    + "p99 %d ms, max %d ms | %d of %d alerted |", rate, latency.p(50), latency.p(95), latency.p(99),
                    latency.max(), latency.alerted(), latency.sent()));
        }
        rows.add("| P2 | where a referral's time went at 50/s, p50 / p99 per stage (its spans) | " + stages + " | |");
        return rows;
    }

    /** Keeps {@code concurrency} requests in flight for the time given; returns 202s per second. */
    private double closedLoop(String url, boolean authenticated, int concurrency, int seconds) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<String, Integer> why = new ConcurrentHashMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        HttpRequest request = request(url, authenticated);
        while (System.nanoTime() < end) {
            inFlight.acquire();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 202) {
                    accepted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    why.merge(error == null ? "HTTP " + response.statusCode() : error.getClass().getSimpleName(), 1,
                            Integer::sum);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double rate = accepted.get() / ((System.nanoTime() - started) / 1e9);
        if (failed.get() > 0) {
            System.out.println("  " + url + ": " + failed.get() + " requests not accepted " + why);
        }
        return rate;
    }

    /** Sends {@code rate} referrals a second; then waits for each one's first alert and reads when it went. */
    private Latency openLoop(int rate, int seconds) throws Exception {
        return openLoop(rate, seconds, new ConcurrentHashMap<>(), false);
    }

    /**
     * @param traces filled with each accepted referral's trace id when {@code traced}: its POST then carries a
     *        sampled {@code traceparent}, and the services record its spans (the stack samples nothing else)
     */
    private Latency openLoop(int rate, int seconds, Map<String, String> traces, boolean traced) throws Exception {
        HttpRequest untraced = request(options.get("gateway") + "/api/v1/referrals", true);
        Map<String, Instant> posted = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        Map<String, Integer> why = new ConcurrentHashMap<>();
        int total = rate * seconds;
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        AtomicLong sent = new AtomicLong();
        clock.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() > total) {
                return;
            }
            Instant at = Instant.now();
            String traceId = HexFormat.of().formatHex(randomBytes(16));
            HttpRequest request = traced ? HttpRequest.newBuilder(untraced, (name, value) -> true)
                    .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                    .build() : untraced;
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                try {
                    if (error == null && response.statusCode() == 202) {
                        String referralId = JSON.readTree(response.body()).get("referralId").asText();
                        posted.put(referralId, at);
                        if (traced) {
                            traces.put(referralId, traceId);
                        }
                    } else {
                        failed.incrementAndGet();
                        why.merge(error == null ? "HTTP " + response.statusCode() : error.getClass().getSimpleName(),
                                1, Integer::sum);
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(seconds + 60L, TimeUnit.SECONDS);
        clock.shutdownNow();
        if (!why.isEmpty()) {
            System.out.println("  at " + rate + "/s, not accepted: " + why);
        }
        // every referral's first alert, as the notification service recorded handing it over
        Map<String, Instant> firstAlert = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(rate > 100 ? 60 : 20);
        while (System.nanoTime() < deadline) {
            firstAlert = firstAlerts(posted.keySet());
            if (firstAlert.size() >= posted.size()) {
                break;
            }
            Thread.sleep(1000);
        }
        List<Long> millis = new ArrayList<>();
        for (Map.Entry<String, Instant> entry : firstAlert.entrySet()) {
            millis.add(Duration.between(posted.get(entry.getKey()), entry.getValue()).toMillis());
        }
        millis.sort(Long::compare);
        return new Latency(millis, total - failed.get(), failed.get());
    }

    private Map<String, Instant> firstAlerts(Set<String> referralIds) throws Exception {
        Map<String, Instant> first = new HashMap<>();
        Properties login = new Properties();
        login.put("user", "postgres");
        login.put("password", "postgres");
        try (Connection db = DriverManager.getConnection(options.get("postgres"), login);
                PreparedStatement query = db.prepareStatement("""
                        select referral_id, min(sent_at) from notification
                        where referral_id = any(?) and sent_at is not null group by referral_id""")) {
            query.setArray(1, db.createArrayOf("text", referralIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    first.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return first;
    }

    /** The latencies of one run, in milliseconds, sorted. */
    record Latency(List<Long> millis, long sent, long refused) {
        long p(int percentile) {
            return millis.isEmpty() ? -1 : millis.get(Math.min(millis.size() - 1,
                    (int) Math.ceil(percentile / 100.0 * millis.size()) - 1));
        }

        long max() {
            return millis.isEmpty() ? -1 : millis.get(millis.size() - 1);
        }

        int alerted() {
            return millis.size();
        }

        boolean holds(long p99Millis) {
            return alerted() == sent && refused == 0 && p(99) < p99Millis;
        }

        @Override
        public String toString() {
            return String.format("p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d of %d alerted, %d refused)", p(50),
                    p(95), p(99), max(), alerted(), sent, refused);
        }
    }

    /** The value size and headers of the record the gateway publishes for one referral. */
    private int intakeRecordSize() {
        Properties config = new Properties();
        config.put("bootstrap.servers", options.get("kafka"));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            // the benchmark refers from the Rutan: its own intake topic
            TopicPartition partition = consumer.partitionsFor(Topics.intake("rutan-martapura", Urgency.NORMAL))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).findFirst().orElseThrow();
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.seek(partition, Math.max(0, end - 1));
            for (int i = 0; i < 20; i++) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    int headers = 0;
                    for (Header header : record.headers()) {
                        headers += header.key().length() + header.value().length;
                    }
                    return record.value().length + headers;
                }
            }
        }
        throw new IllegalStateException("no referral on the intake topic to size");
    }

    /** Kafka's ProducerPerformance against the same broker, in its own JVM; records per second. */
    private double kafkaProducerRate(int recordSize) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", options.get("kafka"));
        try (Admin admin = Admin.create(config)) {
            if (!admin.listTopics().names().get().contains("bench.raw-producer")) {
                admin.createTopics(List.of(new NewTopic("bench.raw-producer", 6, (short) 1))).all().get();
            }
        }
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "bench.raw-producer", "--num-records", "300000", "--record-size",
                Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + options.get("kafka"), "acks=all", "enable.idempotence=true", "linger.ms=1")
                .redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        tool.waitFor();
        Matcher summary = Pattern.compile("300000 records sent, ([\\d.]+) records/sec").matcher(output);
        if (!summary.find()) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return Double.parseDouble(summary.group(1));
    }

    /**
     * Waits until the services have caught up: referral-service and notification-service have read everything
     * on their topics, and no notification is queued.
     */
    private void waitForQuiet() throws Exception {
        Properties login = new Properties();
        login.put("user", "postgres");
        login.put("password", "postgres");
        Properties config = new Properties();
        config.put("bootstrap.servers", options.get("kafka"));
        try (Admin admin = Admin.create(config)) {
            long lag = 0;
            long queued = 0;
            // a closed-loop phase can leave minutes of work behind it on this machine (about 21 referrals a second
            // end to end), so the wait is long; past it, something is stuck, and the next phase would measure that
            for (int i = 0; i < 2_400; i++) {
                lag = ConsumerLag.of(admin, "referral-service") + ConsumerLag.of(admin, "notification-service")
                        + ConsumerLag.of(admin, "agency-gateway");
                try (Connection db = DriverManager.getConnection(options.get("postgres"), login);
                        ResultSet rows = db.createStatement().executeQuery(
                                "select count(*) from notification where status = 'QUEUED'")) {
                    rows.next();
                    queued = rows.getLong(1);
                }
                if (lag == 0 && queued == 0) {
                    return;
                }
                Thread.sleep(500);
            }
            // a phase measured on top of a backlog would measure the backlog
            throw new IllegalStateException("The services did not catch up within 20 minutes: " + lag
                    + " records not yet read, " + queued + " notifications queued");
        }
    }

    private HttpRequest request(String url, boolean authenticated) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            builder.header("Authorization", "Bearer " + tokens.of("rutan-martapura"));
        }
        return builder.build();
    }

    private void sampleRss() {
        processes().forEach((process, commandLine) -> {
            String part = part(commandLine);
            if (!List.of(SERVICES).contains(part)) {
                return;
            }
            try {
                for (String line : Files.readAllLines(process.resolve("status"))) {
                    if (line.startsWith("VmRSS:")) {
                        maxRss.merge(part, Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended while being read; the next sample counts
            }
        });
    }

    /** Sends a signal to the services named (their JVMs, found by command line). */
    private static void signal(String signal, String... services) throws Exception {
        for (Map.Entry<Path, String> process : processes().entrySet()) {
            if (List.of(services).contains(part(process.getValue()))) {
                new ProcessBuilder("kill", "-" + signal, process.getKey().getFileName().toString()).inheritIO()
                        .start().waitFor();
            }
        }
    }

    /** Every process on the machine (its /proc directory) and its command line. */
    private static Map<Path, String> processes() {
        Map<Path, String> processes = new HashMap<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path process : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    processes.put(process, Files.readString(process.resolve("cmdline")).replace('\0', ' '));
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return processes;
        }
        return processes;
    }

    /** CPU ticks used so far by each part of the stack, by what its command line says it is. */
    private static Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new HashMap<>();
        processes().forEach((process, commandLine) -> {
            try {
                String stat = Files.readString(process.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(part(commandLine), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            } catch (IOException | RuntimeException e) {
                // gone meanwhile
            }
        });
        return ticks;
    }

    private static String part(String commandLine) {
        for (String service : SERVICES) {
            if (commandLine.contains(service + "/target/quarkus-app")) {
                return service;
            }
        }
        if (commandLine.contains("bench/floor/target/quarkus-app")) {
            return "HTTP floor";
        }
        if (commandLine.contains("local-stack.jar")) {
            return "Kafka+SMTP+SMSC (launcher JVM)";
        }
        if (commandLine.contains("keycloak")) {
            return "Keycloak";
        }
        if (commandLine.contains("postgres")) {
            return "PostgreSQL";
        }
        if (commandLine.contains("id.rujukan.bench.Bench")) {
            return "load generator";
        }
        return "other";
    }

    private static String cpuShare(Map<String, Long> before, Map<String, Long> after, long wallNanos) {
        double available = wallNanos / 1e9 * 100 * Runtime.getRuntime().availableProcessors(); // ticks at 100 Hz
        StringBuilder share = new StringBuilder();
        after.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(entry -> {
            double percent = (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) / available * 100;
            if (percent >= 1) {
                share.append(share.isEmpty() ? "" : ", ").append(entry.getKey()).append(' ')
                        .append(Math.round(percent)).append('%');
            }
        });
        return share.toString();
    }

    /**
     * Where the referrals' time went, from the spans the services exported for them: the gateway (POST to
     * 202), the gateway's outbox and the intake topic (202 to referral-service consuming it), routing with
     * referral-service's outbox and the requests topic (to notification-service consuming the first alert
     * request), and notification-service's queue to the first alert handed over; p50 / p99 of each.
     */
    private String stages(Collection<String> traceIds) throws Exception {
        Thread.sleep(2000); // the services export spans in batches a moment after they end
        Map<String, List<TraceCollector.ReceivedSpan>> byTrace = new HashMap<>();
        List<String> ids = new ArrayList<>(traceIds);
        for (int from = 0; from < ids.size(); from += 50) {
            String query = String.join(",", ids.subList(from, Math.min(ids.size(), from + 50)));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(options.get("traces")
                    + TraceCollector.PATH + "?traceId=" + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
            answer.body().lines().filter(line -> !line.isBlank()).map(TraceCollector.ReceivedSpan::of)
                    .forEach(span -> byTrace.computeIfAbsent(span.traceId(), k -> new ArrayList<>()).add(span));
        }
        String[] names = {"gateway", "outbox+intake topic", "routing+requests topic", "queue to hand-over"};
        List<List<Long>> micros = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (List<TraceCollector.ReceivedSpan> spans : byTrace.values()) {
            Optional<TraceCollector.ReceivedSpan> gateway = first(spans, "agency-gateway", "SPAN_KIND_SERVER");
            Optional<TraceCollector.ReceivedSpan> routing = first(spans, "referral-service", "SPAN_KIND_CONSUMER");
            Optional<TraceCollector.ReceivedSpan> queued = first(spans, "notification-service", "SPAN_KIND_CONSUMER");
            Optional<Long> handedOver = spans.stream().filter(span -> span.name().startsWith("deliver "))
                    .map(TraceCollector.ReceivedSpan::endNanos).min(Long::compare);
            if (gateway.isEmpty() || routing.isEmpty() || queued.isEmpty() || handedOver.isEmpty()) {
                continue;
            }
            micros.get(0).add((gateway.get().endNanos() - gateway.get().startNanos()) / 1000);
            micros.get(1).add((routing.get().startNanos() - gateway.get().endNanos()) / 1000);
            micros.get(2).add((queued.get().startNanos() - routing.get().startNanos()) / 1000);
            micros.get(3).add((handedOver.get() - queued.get().startNanos()) / 1000);
        }
        StringBuilder stages = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            List<Long> sorted = micros.get(i).stream().sorted().toList();
            if (sorted.isEmpty()) {
                continue;
            }
            stages.append(stages.isEmpty() ? "" : "; ").append(names[i]).append(' ')
                    .append(String.format("%.1f / %.1f ms", percentile(sorted, 50) / 1000.0,
                            percentile(sorted, 99) / 1000.0));
        }
        return stages + " (" + micros.get(0).size() + " of " + traceIds.size() + " traces complete)";
    }

    private static Optional<TraceCollector.ReceivedSpan> first(List<TraceCollector.ReceivedSpan> spans,
            String service, String kind) {
        return spans.stream().filter(span -> span.service().equals(service) && span.kind().equals(kind))
                .min(Comparator.comparingLong(TraceCollector.ReceivedSpan::startNanos));
    }

    private static long percentile(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** CPU milliseconds per referral for each part of the stack that used at least 0.1 ms of it. */
    private static String cpuPerReferral(Map<String, Long> before, Map<String, Long> after, long referrals) {
        StringBuilder cost = new StringBuilder();
        after.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(entry -> {
            double millis = (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) * 10.0 / referrals; // 100 Hz
            if (millis >= 0.1) {
                cost.append(cost.isEmpty() ? "" : ", ").append(entry.getKey()).append(' ')
                        .append(String.format("%.1f", millis));
            }
        });
        return cost.toString();
    }

    private String startTime(String service) throws IOException {
        Path log = Path.of(options.get("logs"), service + ".log");
        Matcher started = Pattern.compile("started in ([\\d.]+)s").matcher(Files.readString(log));
        return started.find() ? started.group(1) + " s" : "unknown";
    }
}
