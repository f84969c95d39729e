package id.rujukan.notification.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * How an SMSC reads the bytes of a {@code submit_sm}: a setting per provider, because aggregators differ. Alerts
 * are written in the GSM 7-bit default alphabet ({@link Gsm7}); action links use only letters, digits and
 * {@code :/.-}, which are the same bytes in every one of these, so a link survives whichever the SMSC applies.
 */
public enum SmsAlphabet {

    /** GSM 03.38, one septet per byte ({@code data_coding} 0): what most SMSCs take. */
    GSM7((byte) 0),
    /** GSM 03.38 packed, eight septets in seven bytes ({@code data_coding} 0), for SMSCs that want it so. */
    GSM7_PACKED((byte) 0),
    /** ISO-8859-1 ({@code data_coding} 3). */
    LATIN1((byte) 3),
    /** IA5, that is ASCII ({@code data_coding} 1); a letter with an accent loses it, any other is {@code ?}. */
    ASCII((byte) 1);

    private final byte dataCoding;

    SmsAlphabet(byte dataCoding) {
        this.dataCoding = dataCoding;
    }

    /** The {@code data_coding} that tells the SMSC this alphabet. */
    public byte dataCoding() {
        return dataCoding;
    }

    /** @throws IllegalArgumentException if a character is not in the GSM alphabet (alerts never have one) */
    public byte[] encode(String text) {
        return switch (this) {
            case GSM7 -> Gsm7.encode(text);
            case GSM7_PACKED -> pack(Gsm7.encode(text));
            case LATIN1 -> latin1(text);
            case ASCII -> ascii(text);
        };
    }

    /**
     * Septets packed LSB first (GSM 03.38 6.1.2.1.1): the n-th septet's bits start at bit 7n. Seven spare bits at
     * the end are a carriage return, as the standard says, so that no receiver reads them as an {@code @}.
     */
    static byte[] pack(byte[] septets) {
        if (septets.length % 8 == 7) {
            byte[] padded = Arrays.copyOf(septets, septets.length + 1);
            padded[septets.length] = '\r';
            septets = padded;
        }
        byte[] packed = new byte[(septets.length * 7 + 7) / 8];
        for (int i = 0; i < septets.length; i++) {
            int bit = i * 7;
            int value = septets[i] & 0x7F;
            packed[bit / 8] |= (byte) (value << (bit % 8));
            if (bit % 8 > 1) {
                packed[bit / 8 + 1] |= (byte) (value >> (8 - bit % 8));
            }
        }
        return packed;
    }

    private static byte[] latin1(String text) {
        Gsm7.encode(text); // the same check as on every route: an alert is GSM text
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (char c : text.toCharArray()) {
            out.write(c <= 0xFF ? c : '?'); // the Greek capitals and the euro of GSM-7 have no Latin-1 code
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        Gsm7.encode(text);
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length());
        for (char c : plain.toCharArray()) {
            out.write(c < 0x80 ? c : '?');
        }
        return out.toByteArray();
    }
}
