package id.rujukan.infra;

import java.util.Map;

/**
 * The GSM 03.38 default alphabet as the simulated SMSC reads a {@code data_coding} 0 message: one septet per
 * byte, unpacked. Written from the standard's table apart from notification-service's encoder on purpose: a
 * test that read what was sent with the sender's own table could not catch a wrong code in it.
 */
public final class SmscAlphabet {

    /** The default table in code order, 0x00 to 0x7F; 0x1B escapes to {@link #EXTENSION}. */
    private static final String DEFAULT_TABLE = String.join("",
            "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5", // 0x00
            "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u001B\u00C6\u00E6\u00DF\u00C9", // 0x10
            " !\"#\u00A4%&'()*+,-./", // 0x20
            "0123456789:;<=>?", // 0x30
            "\u00A1ABCDEFGHIJKLMNO", // 0x40
            "PQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7", // 0x50
            "\u00BFabcdefghijklmno", // 0x60
            "pqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0"); // 0x70
    private static final int ESCAPE = 0x1B;
    /** The extension table: the code after an escape, and the character it stands for. */
    private static final Map<Integer, Character> EXTENSION = Map.of(0x0A, '\f', 0x14, '^', 0x28, '{', 0x29, '}',
            0x2F, '\\', 0x3C, '[', 0x3D, '~', 0x3E, ']', 0x40, '|', 0x65, '\u20AC');

    private SmscAlphabet() {
    }

    /** The text of unpacked septets; an escape before an unknown code reads as a space, as handsets show it. */
    public static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code == ESCAPE && i + 1 < septets.length) {
                text.append(EXTENSION.getOrDefault(septets[++i] & 0x7F, ' '));
            } else {
                text.append(DEFAULT_TABLE.charAt(code));
            }
        }
        return text.toString();
    }

    /** How many septets the text takes on the air, or -1 if a character of it has no GSM code. */
    public static int septets(String text) {
        int total = 0;
        for (char c : text.toCharArray()) {
            if (EXTENSION.containsValue(c)) {
                total += 2;
            } else if (c != ESCAPE && DEFAULT_TABLE.indexOf(c) >= 0) {
                total += 1;
            } else {
                return -1;
            }
        }
        return total;
    }
}
