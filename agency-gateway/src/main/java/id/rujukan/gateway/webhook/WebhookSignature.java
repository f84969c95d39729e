package id.rujukan.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature receivers check: HMAC-SHA256 with the agency's secret over {@code <timestamp>.<body>},
 * sent as {@code Rujukan-Signature: v1=<hex>} beside {@code Rujukan-Timestamp: <unix seconds>}. A receiver
 * recomputes it and rejects a timestamp more than 5 minutes from its clock, so a captured push cannot be
 * replayed later.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "Rujukan-Timestamp";
    public static final String SIGNATURE_HEADER = "Rujukan-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
