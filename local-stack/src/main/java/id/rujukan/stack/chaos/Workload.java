package id.rujukan.stack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rujukan.stack.AgencyTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What agency systems do during the fault run, through the gateway with real Keycloak tokens: Rutan
 * Martapura submits referrals at a steady rate, and the receiving Dinas Sosial acknowledges (and for some,
 * accepts) the ones meant for that. As a careful agency system would, every POST carries an
 * Idempotency-Key and is retried with the same key, backing off, until the gateway answers it, whatever the
 * fault.
 */
final class Workload implements AutoCloseable {

    static final String REFERRER = "rutan-martapura";
    static final String RECEIVER = "dinsos-1608";
    /** Receives the emergencies nobody acknowledges; its chain escalates to the province and the Ministry. */
    static final String SILENT_RECEIVER = "dinsos-1607";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first retry's wait; it doubles (with jitter) up to {@link #MAX_BACKOFF}, or as Retry-After says. */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How long a request is retried before the run counts it as never taken. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    /** What happens to a referral, and so the state it must end in. */
    enum Kind {
        /** An emergency nobody acknowledges: it must escalate through every step of its chain, once each. */
        ESCALATE("ROUTED"),
        /** Acknowledged by the receiver: it must end received, with no escalation. */
        ACKNOWLEDGE("RECEIVED"),
        /** Acknowledged, then accepted: the referrer is told. */
        ACCEPT("ACCEPTED"),
        /**
         * An emergency submitted as a fault is lifted, to time the recovery (its officers must be alerted within
         * 30 s whatever backlog the fault left); acknowledged by the receiver as soon as the gateway lets it.
         */
        CANARY("RECEIVED");

        final String finalState;

        Kind(String finalState) {
            this.finalState = finalState;
        }
    }

    /** One referral the run submitted: its kind, and once the gateway took it, its id. */
    static final class Submission {
        final int index;
        final Kind kind;
        volatile String referralId;
        volatile Instant acceptedAt;

        Submission(int index, Kind kind) {
            this.index = index;
            this.kind = kind;
        }

        String target() {
            return kind == Kind.ESCALATE ? SILENT_RECEIVER : RECEIVER;
        }
    }

    private final String gateway;
    private final AgencyTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Map<Integer, Submission> submissions = new ConcurrentHashMap<>();
    private final Set<String> pendingActions = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> retriedBecause = new ConcurrentHashMap<>();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger nextCanary = new AtomicInteger(1_000_000);
    private final ObjectNode template;
    private CountDownLatch submitted;

    Workload(String gateway, AgencyTokens tokens, String template) throws IOException {
        this.gateway = gateway;
        this.tokens = tokens;
        this.template = (ObjectNode) JSON.readTree(template);
    }

    /** Submits {@code count} referrals at {@code perSecond}; every tenth is an emergency left to escalate. */
    void start(int count, int perSecond) {
        submitted = new CountDownLatch(count);
        AtomicInteger next = new AtomicInteger();
        scheduler.scheduleAtFixedRate(() -> {
            int index = next.getAndIncrement();
            if (index >= count) {
                return;
            }
            Kind kind = switch (index % 10) {
                case 0 -> Kind.ESCALATE;
                case 1, 2, 3 -> Kind.ACCEPT;
                default -> Kind.ACKNOWLEDGE;
            };
            Submission submission = new Submission(index, kind);
            submissions.put(index, submission);
            submit(submission, Instant.now(), submitted::countDown);
        }, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Submits one canary referral (retried until taken) and returns it; its id is set once taken. */
    Submission canary() {
        Submission submission = new Submission(nextCanary.getAndIncrement(), Kind.CANARY);
        submissions.put(submission.index, submission);
        submit(submission, Instant.now(), () -> { });
        return submission;
    }

    /** Waits until every planned referral has been taken by the gateway (or given up on). */
    boolean awaitSubmitted(Duration timeout) throws InterruptedException {
        return submitted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until every acknowledgement and acceptance has been taken (or given up on). */
    boolean awaitActions(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!pendingActions.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(500);
        }
        return pendingActions.isEmpty();
    }

    Map<Integer, Submission> submissions() {
        return submissions;
    }

    /** Why requests had to be retried (e.g. {@code HTTP 503}, {@code ConnectException}), and how often. */
    Map<String, Integer> retriedBecause() {
        return retriedBecause;
    }

    /** Requests given up on after ten minutes of retries. */
    int gaveUp() {
        return gaveUp.get();
    }

    private void submit(Submission submission, Instant firstTry, Runnable taken) {
        ObjectNode body = template.deepCopy();
        body.put("targetAgencyId", submission.target());
        body.put("urgency", submission.kind == Kind.ESCALATE || submission.kind == Kind.CANARY ? "EMERGENCY" : "NORMAL");
        body.put("summary", "Rujukan uji ketahanan #" + submission.index);
        String key = "chaos-submit-" + submission.index;
        post(REFERRER, "/api/v1/referrals", body.toString(), key, firstTry, response -> {
            if (response.statusCode() != 202) {
                return false;
            }
            submission.referralId = JSON.readTree(response.body()).get("referralId").asText();
            submission.acceptedAt = Instant.now();
            if (submission.kind != Kind.ESCALATE) {
                act(submission, "acknowledge", Instant.now());
            }
            return true;
        }, taken);
    }

    private void act(Submission submission, String action, Instant firstTry) {
        String key = "chaos-" + action + "-" + submission.referralId;
        pendingActions.add(key);
        Set<String> done = action.equals("acknowledge") ? Set.of("RECEIVED", "ACCEPTED") : Set.of("ACCEPTED");
        post(RECEIVER, "/api/v1/referrals/" + submission.referralId + "/" + action, "{}", key, firstTry, response -> {
            boolean taken = response.statusCode() == 202;
            if (response.statusCode() == 409) {
                // not yet routed or acknowledged as the gateway sees it (retry), or done by an earlier try
                // whose answer was lost
                JsonNode problem = JSON.readTree(response.body());
                taken = done.contains(problem.path("currentState").asText());
            }
            if (taken && action.equals("acknowledge") && submission.kind == Kind.ACCEPT) {
                act(submission, "accept", Instant.now());
            }
            return taken;
        }, () -> pendingActions.remove(key));
    }

    /**
     * A POST retried with the same key, backing off exponentially with jitter (or as the gateway's
     * Retry-After says), until {@code taken} says the answer settles it.
     */
    private void post(String agency, String path, String body, String key, Instant firstTry, Answer taken,
            Runnable finished) {
        post(agency, path, body, key, firstTry, taken, finished, 0);
    }

    private void post(String agency, String path, String body, String key, Instant firstTry, Answer taken,
            Runnable finished, int attempt) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .header("Authorization", "Bearer " + tokens.of(agency))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IOException | InterruptedException | RuntimeException e) {
            retry(agency, path, body, key, firstTry, taken, finished, attempt, null,
                    "token: " + e.getClass().getSimpleName());
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            try {
                if (error == null && taken.settles(response)) {
                    finished.run();
                } else {
                    retry(agency, path, body, key, firstTry, taken, finished, attempt, response,
                            error == null ? why(response) : rootCause(error));
                }
            } catch (IOException | RuntimeException e) {
                retry(agency, path, body, key, firstTry, taken, finished, attempt, response,
                        e.getClass().getSimpleName());
            }
        });
    }

    private void retry(String agency, String path, String body, String key, Instant firstTry, Answer taken,
            Runnable finished, int attempt, HttpResponse<String> response, String why) {
        retriedBecause.merge(why, 1, Integer::sum);
        if (Duration.between(firstTry, Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
            gaveUp.incrementAndGet();
            System.out.println("  gave up on " + key + " after " + GIVE_UP_AFTER.toMinutes() + " min: " + why);
            finished.run();
            return;
        }
        long backoff = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt, 10));
        long wait = ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1);
        if (response != null) {
            // at least as long as the gateway asks (429 over the agency's rate, 503 while Kafka is away)
            long asked = response.headers().firstValueAsLong("Retry-After").orElse(0) * 1000;
            wait = Math.max(wait, asked);
        }
        scheduler.schedule(() -> post(agency, path, body, key, firstTry, taken, finished, attempt + 1), wait,
                TimeUnit.MILLISECONDS);
    }

    /**
     * The status, and for one a client would not expect of a valid request (not 404/409 while the gateway
     * catches up, not 429/503 while it is loaded or its storage away) what the gateway said, so that the
     * run's figures name the cause.
     */
    private static String why(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 404 || status == 409 || status == 429 || status == 503) {
            return "HTTP " + status;
        }
        String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
        String detail;
        try {
            detail = JSON.readTree(response.body()).path("detail").asText(response.body());
        } catch (IOException e) {
            detail = response.body();
        }
        detail = detail.isEmpty() ? "no body" : detail.substring(0, Math.min(100, detail.length()));
        return "HTTP " + status + " (" + type + ": " + detail + ")";
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    static ObjectMapper json() {
        return JSON;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    @FunctionalInterface
    private interface Answer {
        /** True if this answer settles the request; false to retry. */
        boolean settles(HttpResponse<String> response) throws IOException;
    }
}
