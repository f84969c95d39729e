package id.rujukan.notification.sms;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The GSM 03.38 default alphabet that alerts by SMS are written in: which text fits, how many characters
 * (septets) it takes, and its unpacked one-byte-per-septet form for SMPP's {@code data_coding} 0. An SMS
 * of at most 160 septets travels as one message on every Indonesian route; Unicode does not. (The simulated
 * SMSC reads what arrives with a table of its own, local-infra's {@code SmscAlphabet}, so that the tests would
 * catch a wrong code here.)
 */
public final class Gsm7 {

    /** One SMS, unsplit. */
    public static final int SINGLE_SMS_SEPTETS = 160;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final char ESCAPE = 0x1B;
    /** The extension table: each takes an escape septet and its own. */
    private static final String EXTENDED = "\f^{}\\[~]|€";
    private static final byte[] EXTENDED_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private Gsm7() {
    }

    /** The septets {@code text} takes, or -1 if a character of it is not in the alphabet. */
    public static int septets(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ESCAPE && BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENDED.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return -1;
            }
        }
        return septets;
    }

    /** @throws IllegalArgumentException if a character is not in the alphabet */
    public static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            int extended = EXTENDED.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
            } else if (extended >= 0) {
                out.write(ESCAPE);
                out.write(EXTENDED_CODES[extended]);
            } else {
                throw new IllegalArgumentException("Not in the GSM 7-bit alphabet: U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT));
            }
        }
        return out.toByteArray();
    }
}
