package id.rujukan.stack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Topics;
import id.rujukan.infra.MailServer.ReceivedMail;
import id.rujukan.infra.SmsCenter.ReceivedSms;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.stack.chaos.Workload.Kind;
import id.rujukan.stack.chaos.Workload.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The end of the fault run: every referral the gateway took against the state it must end in, every
 * escalation step against the chain, and every alert the directory says someone must get against what the
 * SMTP server and the SMSC (or the aggregator) actually received. What it expects comes from the run's plan
 * and the agency directory's seed, not from the services' own records.
 */
final class Verdict {

    /** The escalation chain of an emergency in the run: levels in order (steps 1 to 5). */
    static final List<String> CHAIN = List.of("OFFICERS", "SUPERVISOR", "HEAD", "PROVINCE", "MINISTRY");
    private static final List<String> OFFICERS = List.of("OFFICER", "DUTY_OFFICER");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CASE_REFERENCE = Pattern.compile("ref ([0-9A-F]{8})");
    /** The action link in an SMS: signed anew for every message, so left out when comparing texts. */
    private static final Pattern LINK = Pattern.compile("\\S+://\\S+");
    private static final Pattern EMAIL = Pattern.compile("[^<>\\s,]+@[^<>\\s,]+");

    final List<String> lines = new ArrayList<>();
    long lost;
    long notTaken;
    long wrongState;
    long unknownReferrals;
    long duplicateNotifications;
    /** Alerts sent again because notification-service was killed between handing them over and recording it. */
    long resentAfterKill;
    long missingNotifications;
    long unexpectedNotifications;
    long escalationsMissed;
    long escalationsDoubled;
    long escalationsUnexpected;

    private final JsonNode directory;

    Verdict(Path seed) throws IOException {
        this.directory = JSON.readTree(Files.readString(seed));
    }

    boolean clean() {
        return lost == 0 && notTaken == 0 && wrongState == 0 && unknownReferrals == 0 && duplicateNotifications == 0
                && missingNotifications == 0 && unexpectedNotifications == 0 && escalationsMissed == 0
                && escalationsDoubled == 0 && escalationsUnexpected == 0;
    }

    /**
     * Referrals: each one the gateway took must be in referral-service in its final state, and the gateway
     * must show the same state to the referrer; nothing may be there that the client was not told of.
     */
    void referrals(Collection<Submission> submissions, Connection referralDb, Map<String, String> gatewayStates)
            throws SQLException {
        Map<String, String> states = new HashMap<>();
        try (ResultSet rows = referralDb.createStatement().executeQuery("select id::text, state from referral")) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getString(2));
            }
        }
        Map<String, Long> wrong = new HashMap<>();
        Set<String> known = new HashSet<>();
        for (Submission submission : submissions) {
            if (submission.referralId == null) {
                notTaken++;
                continue;
            }
            known.add(submission.referralId);
            String state = states.get(submission.referralId);
            if (state == null) {
                lost++;
            } else if (!state.equals(submission.kind.finalState)
                    || !state.equals(gatewayStates.get(submission.referralId))) {
                wrongState++;
                wrong.merge(submission.kind + " expected " + submission.kind.finalState + ", referral-service "
                        + state + ", gateway " + gatewayStates.get(submission.referralId), 1L, Long::sum);
            }
        }
        unknownReferrals = states.keySet().stream().filter(id -> !known.contains(id)).count();
        lines.add(String.format("referrals taken by the gateway: %d (never taken: %d)", known.size(), notTaken));
        lines.add("referrals lost: " + lost);
        lines.add("referrals not in their expected final state: " + wrongState + (wrong.isEmpty() ? "" : " " + wrong));
        lines.add("referrals in the system the client was never told of (duplicates): " + unknownReferrals);
    }

    /**
     * Escalations: every step of every silent emergency's chain fired once (a row, and one event on the
     * lifecycle topic), and none for referrals acknowledged in time.
     */
    void escalations(Collection<Submission> submissions, Connection referralDb, String bootstrapServers)
            throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (ResultSet result = referralDb.createStatement().executeQuery(
                "select referral_id::text, step, count(*) from escalation where deadline = 'RECEIVE' group by 1, 2")) {
            while (result.next()) {
                rows.put(result.getString(1) + "/" + result.getInt(2), result.getInt(3));
            }
        }
        Map<String, Set<String>> eventIds = new HashMap<>();
        // every agency's lifecycle topic: an escalation goes to its target's and its referrer's, with one id
        List<ConsumerRecord<String, String>> lifecycle = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (String agency : DevKeys.agencies()) {
                lifecycle.addAll(kafka.readToEnd(Topics.lifecycle(agency), Duration.ofMinutes(2)));
            }
        }
        for (ConsumerRecord<String, String> record : lifecycle) {
            if (!KafkaTestClient.headerValue(record, "ce_type").orElse("").equals(EventTypes.REFERRAL_ESCALATED)) {
                continue;
            }
            try {
                JsonNode data = JSON.readTree(record.value());
                if ("RECEIVE".equals(data.path("deadline").asText())) {
                    eventIds.computeIfAbsent(data.get("referralId").asText() + "/" + data.get("step").asInt(),
                            k -> new HashSet<>()).add(KafkaTestClient.headerValue(record, "ce_id").orElse(""));
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable escalation event", e);
            }
        }
        long expected = 0;
        for (Submission submission : submissions) {
            if (submission.referralId == null) {
                continue;
            }
            for (int step = 1; step <= CHAIN.size(); step++) {
                String key = submission.referralId + "/" + step;
                int fired = rows.getOrDefault(key, 0);
                int events = eventIds.getOrDefault(key, Set.of()).size();
                if (submission.kind == Kind.ESCALATE) {
                    expected++;
                    if (fired == 0 || events == 0) {
                        escalationsMissed++;
                    } else if (fired > 1 || events > 1) {
                        escalationsDoubled++;
                    }
                } else if (submission.kind == Kind.CANARY) {
                    // a canary escalates, rightly, when the fault kept its acknowledgement past its deadline
                    if (fired > 1 || events > 1) {
                        escalationsDoubled++;
                    }
                } else if (fired > 0 || events > 0) {
                    escalationsUnexpected++;
                }
            }
        }
        lines.add(String.format("escalation steps due: %d; missed: %d; doubled: %d; fired for referrals "
                + "acknowledged in time: %d", expected, escalationsMissed, escalationsDoubled, escalationsUnexpected));
    }

    /** How long before a kill a hand-over may have been left unrecorded by it. */
    static final Duration CUT_WINDOW = Duration.ofSeconds(5);

    /**
     * Of one message's copies, those sent again because a kill cut its first send between the hand-over and the
     * record: the first handed over at most {@link #CUT_WINDOW} before a kill, the copy after it.
     */
    static long resentAfterKill(List<Instant> copies, List<Instant> kills) {
        if (copies == null || copies.size() < 2 || copies.stream().anyMatch(Objects::isNull)) {
            return 0;
        }
        List<Instant> sorted = copies.stream().sorted().toList();
        Instant first = sorted.get(0);
        return kills.stream().filter(kill -> !first.isAfter(kill) && !first.isBefore(kill.minus(CUT_WINDOW)))
                .findFirst().map(kill -> sorted.stream().skip(1).filter(copy -> copy.isAfter(kill)).count())
                .orElse(0L);
    }

    /**
     * Alerts: who must have been told about each referral (from the directory: the receiver's officers when
     * it arrives; each escalation step's people; the referrer's officers when it is accepted), by email and
     * by SMS, against what the servers received. Two messages with the same subject (email) or text (SMS,
     * its link aside) to the same address about the same referral are a duplicate; a few examples of each
     * discrepancy are listed.
     * <p>
     * A copy is told apart, not counted as a duplicate, when its first was handed over in the {@link #CUT_WINDOW}
     * before a SIGKILL of notification-service and the copy came after it: the kill fell between the hand-over and
     * the commit recording it, so the alert went again once its attempt lease ran out. Delivery is at least once;
     * neither SMTP nor SMPP can be asked whether a message arrived, so no sender can close that window.
     *
     * @param senderKills when notification-service was killed
     */
    void notifications(Collection<Submission> submissions, List<ReceivedMail> mails, List<ReceivedSms> sms,
            List<Instant> senderKills) {
        Map<String, Integer> expected = new HashMap<>();
        Map<String, String> byCaseReference = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        // a canary's escalation alerts are right when its acknowledgement came late, so not counted as unexpected
        Set<String> canaries = new HashSet<>();
        for (Submission submission : submissions) {
            String id = submission.referralId;
            if (id == null) {
                continue;
            }
            if (byCaseReference.put(id.substring(0, 8).toUpperCase(Locale.ROOT), id) != null) {
                ambiguous.add(id.substring(0, 8).toUpperCase(Locale.ROOT));
            }
            expect(expected, id, submission.target(), OFFICERS);
            if (submission.kind == Kind.CANARY) {
                canaries.add(id);
            }
            if (submission.kind == Kind.ESCALATE) {
                expect(expected, id, submission.target(), OFFICERS);
                expect(expected, id, submission.target(), List.of("SUPERVISOR"));
                expect(expected, id, submission.target(), List.of("HEAD"));
                expect(expected, id, provinceOf(submission.target()), List.of("HEAD", "DUTY_OFFICER"));
                expect(expected, id, agencyOfType("MINISTRY"), List.of("DUTY_OFFICER", "HEAD"));
            } else if (submission.kind == Kind.ACCEPT) {
                expect(expected, id, Workload.REFERRER, OFFICERS);
            }
        }
        Map<String, List<String>> got = new HashMap<>();
        Map<String, List<Instant>> handedOverAt = new HashMap<>(); // by key and message
        for (ReceivedMail mail : mails) {
            Matcher id = UUID.matcher(mail.body());
            Matcher to = EMAIL.matcher(mail.to());
            if (id.find() && to.find()) {
                String key = to.group().toLowerCase(Locale.ROOT) + " " + id.group();
                String message = "email: " + mail.subject();
                got.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
                // the Date header: written as the mail is handed over
                handedOverAt.computeIfAbsent(key + "\n" + message, k -> new ArrayList<>())
                        .add(mail.sentAt().isEmpty() ? null : Instant.parse(mail.sentAt()));
            }
        }
        for (ReceivedSms received : sms) {
            Matcher reference = CASE_REFERENCE.matcher(received.text());
            if (reference.find() && !ambiguous.contains(reference.group(1))
                    && byCaseReference.containsKey(reference.group(1))) {
                String key = digits(received.to()) + " " + byCaseReference.get(reference.group(1));
                String message = "SMS: " + LINK.matcher(received.text()).replaceAll("").strip();
                got.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
                handedOverAt.computeIfAbsent(key + "\n" + message, k -> new ArrayList<>()).add(received.at());
            }
        }
        Map<String, Long> duplicatesBy = new HashMap<>();
        Map<String, Long> missingBy = new HashMap<>();
        List<String> examples = new ArrayList<>();
        long received = 0;
        Set<String> all = new HashSet<>(expected.keySet());
        all.addAll(got.keySet());
        for (String key : all) {
            List<String> messages = got.getOrDefault(key, List.of());
            received += messages.size();
            Set<String> distinct = new HashSet<>(messages);
            for (String message : distinct) {
                long copies = messages.stream().filter(message::equals).count();
                long cut = resentAfterKill(handedOverAt.get(key + "\n" + message), senderKills);
                resentAfterKill += cut;
                if (copies - 1 - cut > 0) {
                    duplicateNotifications += copies - 1 - cut;
                    duplicatesBy.merge(message.substring(0, message.indexOf(':')), copies - 1 - cut, Long::sum);
                }
                if (copies > 1 && examples.size() < 6) {
                    examples.add("  " + (cut == copies - 1 ? "sent again after a kill: " : "duplicate: ") + key + " x"
                            + copies + " " + message);
                }
            }
            int want = expected.getOrDefault(key, 0);
            if (want > distinct.size()) {
                missingNotifications += want - distinct.size();
                missingBy.merge(key.contains("@") ? "email" : "SMS", (long) want - distinct.size(), Long::sum);
                if (examples.size() < 12) {
                    examples.add("  missing " + (want - distinct.size()) + " of " + want + ": " + key + " got " + messages);
                }
            }
            if (!canaries.contains(key.substring(key.indexOf(' ') + 1))) {
                unexpectedNotifications += Math.max(0, distinct.size() - want);
            }
        }
        long want = expected.values().stream().mapToLong(Integer::longValue).sum();
        lines.add(String.format("alerts the directory says are due: %d; received by SMTP/SMSC: %d (%d emails, %d SMS)",
                want, received, mails.size(), sms.size()));
        lines.add("duplicate notifications: " + duplicateNotifications + (duplicatesBy.isEmpty() ? "" : " " + duplicatesBy)
                + "; sent again after a kill between hand-over and record (at least once): " + resentAfterKill);
        lines.add("notifications missing: " + missingNotifications + (missingBy.isEmpty() ? "" : " " + missingBy)
                + "; not expected: " + unexpectedNotifications + (ambiguous.isEmpty() ? "" : " (SMS of "
                + ambiguous.size() + " referrals sharing a case reference not counted)"));
        lines.addAll(examples);
    }

    private void expect(Map<String, Integer> expected, String referralId, String agencyId, List<String> roles) {
        for (JsonNode contact : agency(agencyId).get("contacts")) {
            if (roles.contains(contact.get("role").asText())) {
                expected.merge(contact.get("email").asText().toLowerCase(Locale.ROOT) + " " + referralId, 1,
                        Integer::sum);
                expected.merge(digits(contact.get("phone").asText()) + " " + referralId, 1, Integer::sum);
            }
        }
    }

    private JsonNode agency(String agencyId) {
        for (JsonNode agency : directory) {
            if (agency.get("agencyId").asText().equals(agencyId)) {
                return agency;
            }
        }
        throw new IllegalArgumentException("not in the directory: " + agencyId);
    }

    private String provinceOf(String agencyId) {
        String province = agency(agencyId).get("region").get("provinceCode").asText();
        return find(agency -> agency.get("type").asText().equals("DINAS_SOSIAL_PROVINCE")
                && agency.get("region").get("provinceCode").asText().equals(province), () -> "province of " + agencyId);
    }

    private String agencyOfType(String type) {
        return find(agency -> agency.get("type").asText().equals(type), () -> type);
    }

    private String find(Predicate<JsonNode> which, Supplier<String> what) {
        for (JsonNode agency : directory) {
            if (which.test(agency)) {
                return agency.get("agencyId").asText();
            }
        }
        throw new IllegalArgumentException("no agency: " + what.get());
    }

    private static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }
}
