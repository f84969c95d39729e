package id.rujukan.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The codes an action may carry: decline and cancel reasons, completion outcomes (and which of them are
 * successful), progress milestones. They are data ({@code codes/action-codes.properties}), read once; the gateways
 * offer and check them, referral-service refuses any other code and its reports count outcomes by them.
 */
public final class ActionCodes {

    private static final String FILE = "/codes/action-codes.properties";
    private static final ActionCodes CODES = load();

    private final List<String> declineReasons;
    private final List<String> cancelReasons;
    private final List<String> successfulOutcomes;
    private final List<String> outcomes;
    private final List<String> milestones;

    /** A code not in the list for its field. */
    public record Unknown(String field, String message) {
    }

    private ActionCodes(Properties data) {
        declineReasons = list(data, "decline-reasons");
        cancelReasons = list(data, "cancel-reasons");
        successfulOutcomes = list(data, "outcomes.successful");
        List<String> all = new ArrayList<>(successfulOutcomes);
        all.addAll(list(data, "outcomes.unsuccessful"));
        outcomes = List.copyOf(all);
        milestones = list(data, "milestones");
    }

    public static List<String> declineReasons() {
        return CODES.declineReasons;
    }

    public static List<String> cancelReasons() {
        return CODES.cancelReasons;
    }

    /** Every outcome, the successful ones first. */
    public static List<String> outcomes() {
        return CODES.outcomes;
    }

    public static List<String> milestones() {
        return CODES.milestones;
    }

    /** Whether a referral completed with this outcome gave the child what it asked for. */
    public static boolean successful(String outcome) {
        return CODES.successfulOutcomes.contains(outcome);
    }

    /** The code of an action that is not in its list, if any; codes an action does not use are not looked at. */
    public static Optional<Unknown> unknown(ReferralAction action, String reasonCode, String outcomeCode,
            String milestone) {
        return switch (action) {
            case DECLINE -> check("reasonCode", reasonCode, CODES.declineReasons);
            case CANCEL -> check("reasonCode", reasonCode, CODES.cancelReasons);
            case COMPLETE -> check("outcomeCode", outcomeCode, CODES.outcomes);
            case PROGRESS -> check("milestone", milestone, CODES.milestones);
            default -> Optional.empty();
        };
    }

    private static Optional<Unknown> check(String field, String code, List<String> known) {
        if (code == null || known.contains(code)) {
            return Optional.empty();
        }
        return Optional.of(new Unknown(field, "'" + code + "' is not one of " + String.join(", ", known)));
    }

    private static List<String> list(Properties data, String key) {
        String value = data.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(FILE + " has no " + key);
        }
        return Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    private static ActionCodes load() {
        try (InputStream in = ActionCodes.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing");
            }
            Properties data = new Properties();
            data.load(in);
            return new ActionCodes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
