package id.rujukan.contract;

import jakarta.validation.constraints.NotNull;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One action a party may take on a referral in the state it is in, and the field the action must carry
 * ({@code reasonCode}, {@code outcomeCode}, {@code note}) or {@code null}. referral-service decides the
 * list from its lifecycle rules and publishes it with every change; the gateways offer and check actions
 * by it, so the rules have one home however many gateways run, of whatever version.
 */
public record AllowedAction(@NotNull ActionParty party, @NotNull ReferralAction action, String requires) {

    /** Why an action was refused: not the caller's to take, not possible in this state, or a field missing. */
    public record Refusal(Kind kind, String field, String message) {
        public enum Kind { NOT_YOURS, NOT_NOW, MISSING_FIELD }
    }

    /**
     * Checks an action against the published list: refused as {@code NOT_YOURS} if another party may take
     * it now but the caller is not that party, {@code NOT_NOW} if no party may take it in this state, and
     * {@code MISSING_FIELD} if it lacks the field it must carry.
     *
     * @param parties how the acting agency stands to the referral (empty: not a party at all)
     * @param given the fields the action carries
     */
    public static Optional<Refusal> refusal(List<AllowedAction> allowed, Set<ActionParty> parties,
            ReferralAction action, Set<String> given, String state) {
        String verb = action.name().toLowerCase(Locale.ROOT);
        List<AllowedAction> now = allowed.stream().filter(a -> a.action() == action).toList();
        if (now.isEmpty()) {
            return Optional.of(new Refusal(Refusal.Kind.NOT_NOW, null,
                    "cannot " + verb + " a referral that is " + state));
        }
        Optional<AllowedAction> mine = now.stream().filter(a -> parties.contains(a.party())).findFirst();
        if (mine.isEmpty()) {
            return Optional.of(new Refusal(Refusal.Kind.NOT_YOURS, null, "only "
                    + now.stream().map(a -> words(a.party())).distinct().reduce((a, b) -> a + " or " + b)
                            .orElseThrow() + " may"));
        }
        String requires = mine.get().requires();
        if (requires != null && !given.contains(requires)) {
            return Optional.of(new Refusal(Refusal.Kind.MISSING_FIELD, requires, "a " + verb + " needs "
                    + switch (requires) {
                        case "reasonCode" -> "a reason code";
                        case "outcomeCode" -> "an outcome code";
                        case "note" -> "text";
                        default -> requires;
                    }));
        }
        return Optional.empty();
    }

    /** The fields an action carries, by the names {@link #requires()} uses. */
    public static Set<String> given(String reasonCode, String outcomeCode, boolean note, String officerInCharge) {
        Set<String> given = new HashSet<>();
        if (officerInCharge != null) {
            given.add("officerInCharge");
        }
        if (reasonCode != null) {
            given.add("reasonCode");
        }
        if (outcomeCode != null) {
            given.add("outcomeCode");
        }
        if (note) {
            given.add("note");
        }
        return given;
    }

    private static String words(ActionParty party) {
        return switch (party) {
            case REFERRER -> "the referring agency";
            case TARGET -> "the agency it is addressed to";
            case FORMER_TARGET -> "an agency it was addressed to";
        };
    }
}
