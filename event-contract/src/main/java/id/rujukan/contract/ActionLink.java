package id.rujukan.contract;

import java.math.BigInteger;
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
 * agency it expects) and the first 8 bytes of an HMAC-SHA256 over them: 45 letters and digits (base62). Letters
 * and digits are the same bytes in GSM-7, ASCII and Latin-1, so no SMSC's reading of {@code data_coding} can
 * change them, and no phone takes one for punctuation at a link's end (base64url's {@code _} is 0x11 in GSM-7,
 * and broke links on aggregators that read it as ASCII). It is not a sign-in: the page still signs the officer
 * in, and must be opened by someone of the named agency.
 */
public record ActionLink(UUID referralId, String agencyId, String role, Instant expiresAt) {

    /** The roles a link can name, by their code in the token. */
    public static final List<String> ROLES = List.of("DUTY_OFFICER", "OFFICER", "SUPERVISOR", "HEAD",
            "AGENCY_ADMIN");
    private static final int MAC_BYTES = 8;
    private static final int BODY_BYTES = 16 + 4 + 1 + 4;
    /** The token's characters: letters and digits only. */
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** 33 bytes in base62: 62^45 > 2^264. */
    static final int TOKEN_LENGTH = 45;
    /** The length of a base64url token, as links were signed until 2026-11: still read while they live (72 h). */
    private static final int OLD_TOKEN_LENGTH = 44;
    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());

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
        return base62(signed);
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
            signed = token.length() == OLD_TOKEN_LENGTH ? Base64.getUrlDecoder().decode(token) : fromBase62(token);
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

    /** The bytes as a number in base 62, zero-padded to {@link #TOKEN_LENGTH} characters. */
    private static String base62(byte[] bytes) {
        BigInteger value = new BigInteger(1, bytes);
        char[] out = new char[TOKEN_LENGTH];
        for (int i = TOKEN_LENGTH - 1; i >= 0; i--) {
            BigInteger[] quotientAndDigit = value.divideAndRemainder(BASE);
            out[i] = ALPHABET.charAt(quotientAndDigit[1].intValue());
            value = quotientAndDigit[0];
        }
        return new String(out);
    }

    /** @throws IllegalArgumentException if it is not {@link #TOKEN_LENGTH} base62 characters of 33 bytes */
    private static byte[] fromBase62(String token) {
        if (token.length() != TOKEN_LENGTH) {
            throw new IllegalArgumentException("not " + TOKEN_LENGTH + " characters");
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < token.length(); i++) {
            int digit = ALPHABET.indexOf(token.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not base62");
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.toByteArray(); // may carry a leading sign byte, or be shorter than 33
        int length = BODY_BYTES + MAC_BYTES;
        if (magnitude.length > length + 1 || magnitude.length == length + 1 && magnitude[0] != 0) {
            throw new IllegalArgumentException("too large");
        }
        byte[] bytes = new byte[length];
        int copied = Math.min(magnitude.length, length);
        System.arraycopy(magnitude, magnitude.length - copied, bytes, length - copied, copied);
        return bytes;
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
