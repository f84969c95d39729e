package id.rujukan.notification.sms;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The forms one SMSC message id may take. SMSCs answer {@code submit_sm} with an id, and many put the same id in
 * the receipt in another base: hex in the answer and decimal in the receipt is common, the reverse occurs, and
 * leading zeros and letter case vary. A receipt is matched against every form of its id.
 */
final class MessageIds {

    /** Longer than any id an SMSC gives (SMPP 3.4 allows 65 octets): not worth converting. */
    private static final int LONGEST = 65;

    private MessageIds() {
    }

    /** The id as given, and as hex or decimal where it reads as the other, without leading zeros, hex in both cases. */
    static Set<String> forms(String id) {
        Set<String> forms = new LinkedHashSet<>();
        String given = id.strip();
        forms.add(given);
        if (given.isEmpty() || given.length() > LONGEST) {
            return forms;
        }
        if (given.matches("[0-9]+")) {
            BigInteger decimal = new BigInteger(given);
            forms.add(decimal.toString());
            forms.add(decimal.toString(16));
            forms.add(decimal.toString(16).toUpperCase(Locale.ROOT));
        }
        if (given.matches("[0-9A-Fa-f]+")) {
            BigInteger hex = new BigInteger(given, 16);
            forms.add(hex.toString());
            forms.add(hex.toString(16));
            forms.add(hex.toString(16).toUpperCase(Locale.ROOT));
            forms.add(given.toLowerCase(Locale.ROOT));
            forms.add(given.toUpperCase(Locale.ROOT));
        }
        return forms;
    }
}
