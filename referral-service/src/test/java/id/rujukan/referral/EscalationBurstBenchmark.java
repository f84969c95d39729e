package id.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.Urgency;
import id.rujukan.referral.escalation.EscalationPolicy;
import id.rujukan.referral.escalation.Escalator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * P3, the escalation burst: many open referrals, 10,000 of them falling due in the same second, two
 * claimers (each with its own connections and transactions, as two replicas have) firing them together.
 * Prints the figures; run it with {@code bench/escalation-burst.sh}, not as part of the test suite.
 *
 * <p>The referrals are loaded with SQL (the burst, not the intake, is measured). Each due referral is an
 * emergency one whose receive clock ran out: its first step reminds two officers, so each firing writes
 * one escalation row, one timeline row, three outbox records (the escalated event and two notification
 * requests) and moves its clock on.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "rujukan.bench", matches = "true")
class EscalationBurstBenchmark {

    private static final int DUE = 10_000;
    private static final int LARGE = Integer.getInteger("rujukan.bench.open", 1_000_000);
    private static final int SMALL = 20_000;
    /** Bursts among {@link #SMALL} more open referrals each, before the one among {@link #LARGE}. */
    private static final int SMALL_BURSTS = Integer.getInteger("rujukan.bench.small-bursts", 6);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Escalator escalator;

    @Inject
    TestClock clock;

    @Inject
    Scheduler scheduler;

    @Inject
    EscalationPolicy policy;

    @Inject
    ObjectMapper json;

    @Test
    void burst() throws Exception {
        scheduler.pause(); // only the two claimers below fire
        String chain = json.writeValueAsString(policy.chainFor(AgencyType.DINAS_SOSIAL_KABUPATEN_KOTA,
                Urgency.EMERGENCY));
        Instant base = clock.instant().plus(Duration.ofDays(1));

        System.out.println();
        System.out.println("P3 escalation burst (" + Runtime.getRuntime().availableProcessors() + " cores, PostgreSQL "
                + "fsync=" + setting("fsync") + " synchronous_commit=" + setting("synchronous_commit") + ")");
        // the first bursts after start are also the JIT's: a replica that has run for a while has compiled the code
        // a burst runs (JDBC, Jackson, the outbox, Kafka's client are the routing's too), so they are shown apart
        List<Result> results = new ArrayList<>();
        int open = 0;
        for (int burst = 1; burst <= SMALL_BURSTS; burst++) {
            load(open, open + SMALL, base, chain, burst);
            open += SMALL;
            results.add(fire(base, burst));
        }
        load(open, LARGE, base, chain, SMALL_BURSTS + 1);
        results.add(fire(base, SMALL_BURSTS + 1));

        for (Result result : results) {
            System.out.print(result == results.get(0) ? "  the first burst after start (the JIT compiling beside it):\n"
                    : result == results.get(1) ? "  the next bursts:\n" : "");
            System.out.printf("  %,9d open referrals: %,d due escalated by 2 claimers in %,d ms (%,.0f/s); "
                    + "claim query %.2f ms; fired twice: %d; timeline rows %,d; outbox records %,d; CPU: this JVM "
                    + "%,d ms (%s), PostgreSQL %,d ms, of %,d ms the %d cores had%n",
                    result.open, result.fired, result.millis, result.fired * 1000.0 / result.millis,
                    result.claimMillis, result.duplicates, result.historyRows, result.outboxRecords,
                    result.jvmCpuMillis, result.jvmCpuByPart.entrySet().stream()
                            .map(part -> part.getKey() + " " + part.getValue()).collect(Collectors.joining(", ")),
                    result.postgresCpuMillis,
                    result.millis * Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
        }
        System.out.println();
        assertThat(results).allSatisfy(result -> {
            assertThat(result.fired).isEqualTo(DUE);
            assertThat(result.duplicates).isZero();
        });
    }

    private record Result(int open, long fired, long millis, double claimMillis, long duplicates, long historyRows,
            long outboxRecords, long jvmCpuMillis, Map<String, Long> jvmCpuByPart, long postgresCpuMillis) {
    }

    /**
     * Adds referrals {@code from}..{@code to} (exclusive), all open with a receive clock; those whose
     * number is a multiple of (to - from) / DUE fall due at the instant of {@code burst}, the rest later.
     */
    private void load(int from, int to, Instant base, String chain, int burst) throws Exception {
        long started = System.nanoTime();
        int every = (to - from) / DUE;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("insert into care_case (id, owner_agency_id, opened_at, updated_at) "
                    + "select 'bench-' || n, 'rutan-martapura', now(), now() from generate_series(" + from + ", "
                    + (to - 1) + ") n");
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into referral (id, version, state, referring_agency_id, target_agency_id, category,
                        urgency, province_code, regency_code, age_band, sex, sealed_data, submitted_at, updated_at,
                        kind, case_id, escalation_chain, routed_at, receive_due_at, accept_due_at)
                    select md5('bench-' || n)::uuid, 2, 'ROUTED', 'rutan-martapura', 'dinsos-1608', 'NEGLECT',
                        'EMERGENCY', '16', '16.08', 'TODDLER_1_TO_4', 'FEMALE',
                        '{"keyId":"k","algorithm":"A256GCM","nonce":"bm9uY2U=","ciphertext":"Y2lwaGVy"}',
                        now(), now(), 'REFERRAL', 'bench-' || n, ?::jsonb, now(),
                        case when (n - ?) % ? = 0 then ?::timestamptz else ?::timestamptz + (n || ' seconds')::interval end,
                        now() + interval '1 hour'
                    from generate_series(?, ?) n""")) {
                insert.setString(1, chain);
                insert.setInt(2, from);
                insert.setInt(3, every);
                insert.setTimestamp(4, Timestamp.from(base.plusSeconds(burst * 60L)));
                insert.setTimestamp(5, Timestamp.from(base.plus(Duration.ofDays(30))));
                insert.setInt(6, from);
                insert.setInt(7, to - 1);
                insert.execute();
            }
            sql.execute("insert into referral_deadline (referral_id, kind, due_at, next_step, next_fire_at) "
                    + "select id, 'RECEIVE', receive_due_at, 1, receive_due_at from referral where case_id like 'bench-%' "
                    + "and not exists (select 1 from referral_deadline d where d.referral_id = referral.id)");
            // what months of intake would leave: the tables vacuumed and their pages on disk, rather than the load's
            // autovacuum and checkpoint running during the burst that follows it
            sql.execute("vacuum (analyze) care_case, referral, referral_deadline");
            sql.execute("checkpoint");
        }
        System.out.printf("  loaded %,d open referrals in %,d ms%n", to - from,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private Result fire(Instant base, int burst) throws Exception {
        Instant at = base.plusSeconds(burst * 60L);
        clock.set(at);
        int open = count("select count(*) from referral_deadline");
        double claimMillis = claimQueryMillis(at);
        long outboxBefore = outboxSequence();
        long postmaster = postmaster();
        long jvmCpuBefore = jvmCpuNanos();
        Map<Long, Long> threadsBefore = threadCpuNanos();
        long compilingBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long collectingBefore = collectionMillis();
        long postgresTicksBefore = postgresTicks(postmaster);
        long started = System.nanoTime();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Integer>> claimers = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            claimers.add(replicas.submit((Callable<Integer>) escalator::fireDue));
        }
        long fired = 0;
        for (Future<Integer> claimer : claimers) {
            fired += claimer.get();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        long jvmCpuMillis = Duration.ofNanos(jvmCpuNanos() - jvmCpuBefore).toMillis();
        Map<String, Long> byPart = cpuMillisByPart(threadsBefore, threadCpuNanos(), jvmCpuMillis);
        byPart.put("of which compiling (JIT threads' time)",
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compilingBefore);
        byPart.put("collecting (GC, elapsed)", collectionMillis() - collectingBefore);
        long postgresCpuMillis = (postgresTicks(postmaster) - postgresTicksBefore) * 10; // ticks at 100 Hz
        replicas.shutdown();
        Timestamp firedAt = Timestamp.from(at);
        long stored = count("select count(*) from escalation where fired_at = '" + firedAt + "'");
        long duplicates = count("select count(*) from (select referral_id, deadline, step from escalation "
                + "group by 1, 2, 3 having count(*) > 1) d");
        long history = count("select count(*) from referral_history where kind = 'ESCALATION' and at = '" + firedAt
                + "'");
        assertThat(stored).isEqualTo(fired);
        return new Result(open, fired, millis, claimMillis, duplicates, history, outboxSequence() - outboxBefore,
                jvmCpuMillis, byPart, postgresCpuMillis);
    }

    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, threads.getThreadCpuTime(id));
        }
        return cpu;
    }

    /**
     * This JVM's CPU during the burst by what its threads do: the two claimers (the executor's pool threads), the
     * outbox relay, the Kafka producer's network thread, the in-JVM Kafka broker, the rest of the Java threads,
     * and what is not a Java thread (the JIT compilers and the garbage collector): the process's CPU less the rest.
     */
    private static Map<String, Long> cpuMillisByPart(Map<Long, Long> before, Map<Long, Long> after, long jvmMillis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String part : List.of("claimers", "outbox relay", "Kafka producer", "Kafka broker", "other threads")) {
            parts.put(part, 0L);
        }
        after.forEach((id, nanos) -> {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info == null || nanos < 0) {
                return;
            }
            String name = info.getThreadName();
            String part = name.startsWith("pool-") ? "claimers"
                    : name.equals("outbox-relay") ? "outbox relay"
                    : name.startsWith("kafka-producer-network-thread") ? "Kafka producer"
                    : name.matches("(data-plane|kafka-|quorum|group-coordinator|broker|controller|raft|"
                            + "ExpirationReaper|LogDirFailureHandler|transaction|share-).*") ? "Kafka broker"
                    : "other threads";
            parts.merge(part, Duration.ofNanos(nanos - before.getOrDefault(id, 0L)).toMillis(), Long::sum);
        });
        long javaThreads = parts.values().stream().mapToLong(Long::longValue).sum();
        parts.put("JIT and GC", Math.max(0, jvmMillis - javaThreads));
        return parts;
    }

    /** CPU time of this JVM: the two claimers, the outbox relay sending to Kafka, and the in-JVM Kafka broker. */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The PostgreSQL server's main process: the parent of the backend serving a connection. */
    private long postmaster() throws Exception {
        long backend = count("select pg_backend_pid()");
        return Long.parseLong(stat(Path.of("/proc", Long.toString(backend)))[1]);
    }

    /**
     * CPU ticks used by the PostgreSQL server: its main process, with the children it has reaped, and every
     * backend and worker it runs now (the claimers' pooled connections among them).
     */
    private static long postgresTicks(long postmaster) throws IOException {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String[] stat = stat(process);
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                                + Long.parseLong(stat[14]);
                    } else if (Long.parseLong(stat[1]) == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                } catch (IOException e) {
                    // gone meanwhile: its time is in the main process's reaped children
                }
            }
        }
        return ticks;
    }

    /** The fields of /proc/PID/stat after the command's name: state, parent, ..., utime (11), stime (12), ... */
    private static String[] stat(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** How long PostgreSQL takes to find one batch of due clocks: the median of seven EXPLAIN ANALYZE runs. */
    private double claimQueryMillis(Instant at) throws Exception {
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            runs.add(explainClaim(at));
        }
        runs.sort(Double::compareTo);
        return runs.get(runs.size() / 2);
    }

    private double explainClaim(Instant at) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("""
                        explain (analyze, format json)
                        select d.referral_id from referral_deadline d join referral r on r.id = d.referral_id
                        where d.next_fire_at <= ? order by d.next_fire_at limit 500 for update of d skip locked""")) {
            connection.setAutoCommit(false);
            explain.setTimestamp(1, Timestamp.from(at));
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                double millis = json.readTree(rs.getString(1)).get(0).get("Execution Time").asDouble();
                connection.rollback();
                return millis;
            }
        }
    }

    private long outboxSequence() throws Exception {
        return count("select last_value from outbox_event_seq_seq");
    }

    private String setting(String name) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private int count(String query) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return (int) rs.getLong(1);
        }
    }
}
