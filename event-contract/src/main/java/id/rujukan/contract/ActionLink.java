package id.rujukan.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the link in an alert stands for: one referral, one recipient (a role at an agency), until a time.
 * The notification service signs it; the gateway's mobile page checks it; both hold the same secret.
 * The token is compact so that the link fits in one SMS beside the alert: the referral id (16 bytes), the
 * expiry in minutes (4), the role (1), the first 4 bytes of the agency id's SHA-256 (the checker knows the
 * agency it expects) and the first 8 bytes of an HMAC-SHA256 over them: 44 characters of base64url. It is
 * not a sign-in: the page still signs the officer in, and must be opened by someone of the named agency.
 */
public record ActionLink(UUID referralId, String agencyId, String role, Instant expiresAt) {

    /** The roles a link can name, by their code in the token. */
    public static final List<String> ROLES = List.of("DUTY_OFFICER", "OFFICER", "SUPERVISOR", "HEAD",
            "AGENCY_ADMIN");
    private static final int MAC_BYTES = 8;
    private static final int BODY_BYTES = 16 + 4 + 1 + 4;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public ActionLink {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("A link cannot name the role " + role);
        }
    }

    /** The token for the link's path. */
    public String sign(byte[] secret) {
        ByteBuffer body = ByteBuffer.allocate(BODY_BYTES);
        body.putLong(referralId.getMostSignificantBits()).putLong(referralId.getLeastSignificantBits());
        body.putInt((int) (expiresAt.getEpochSecond() / 60));
        body.put((byte) ROLES.indexOf(role));
        body.put(agencyDigest(agencyId));
        byte[] signed = Arrays.copyOf(body.array(), BODY_BYTES + MAC_BYTES);
        System.arraycopy(mac(secret, body.array()), 0, signed, BODY_BYTES, MAC_BYTES);
        return ENCODER.encodeToString(signed);
    }

    /**
     * The link a token stands for, if it is well-formed, signed with {@code secret}, not expired, and for
     * {@code agencyId}.
     *
     * @throws InvalidException saying which of these it is not
     */
    public static ActionLink verify(String token, byte[] secret, Instant now, String agencyId) {
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidException("malformed");
        }
        if (signed.length != BODY_BYTES + MAC_BYTES) {
            throw new InvalidException("malformed");
        }
        byte[] body = Arrays.copyOf(signed, BODY_BYTES);
        byte[] expected = Arrays.copyOf(mac(secret, body), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(signed, BODY_BYTES, signed.length))) {
            throw new InvalidException("not signed by Rujukan");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        UUID referral = new UUID(in.getLong(), in.getLong());
        Instant expires = Instant.ofEpochSecond((in.getInt() & 0xFFFFFFFFL) * 60);
        int role = in.get();
        byte[] agency = new byte[4];
        in.get(agency);
        if (role < 0 || role >= ROLES.size()) {
            throw new InvalidException("malformed");
        }
        if (!now.isBefore(expires)) {
            throw new InvalidException("expired");
        }
        if (!MessageDigest.isEqual(agency, agencyDigest(agencyId))) {
            throw new InvalidException("for another agency");
        }
        return new ActionLink(referral, agencyId, ROLES.get(role), expires);
    }

    private static byte[] agencyDigest(String agencyId) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256")
                    .digest(agencyId.getBytes(StandardCharsets.UTF_8)), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] mac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** A token that is malformed, forged or expired. */
    public static final class InvalidException extends RuntimeException {
        public InvalidException(String reason) {
            super("The link is " + reason);
        }
    }
}
