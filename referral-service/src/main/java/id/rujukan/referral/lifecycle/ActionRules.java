package id.rujukan.referral.lifecycle;

import id.rujukan.contract.ActionParty;
import id.rujukan.contract.AllowedAction;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle's rules, in one place: which party may take which action in each state, and the field
 * each action must carry. referral-service applies them to every action and publishes them with every
 * change ({@code allowedActions}); the gateways check and offer actions by what was published.
 */
public final class ActionRules {

    private static final Set<ReferralState> OPEN = Set.of(ReferralState.REQUESTED, ReferralState.ROUTED,
            ReferralState.RECEIVED, ReferralState.ACCEPTED, ReferralState.IN_PROGRESS);
    private static final Set<ReferralState> AWAITING_ANSWER = Set.of(ReferralState.ROUTED, ReferralState.RECEIVED);
    private static final Set<ReferralState> UNDER_WAY = Set.of(ReferralState.ACCEPTED, ReferralState.IN_PROGRESS);
    private static final Map<ReferralState, List<AllowedAction>> TABLE = new EnumMap<>(ReferralState.class);

    static {
        for (ReferralState state : ReferralState.values()) {
            List<AllowedAction> allowed = new ArrayList<>();
            if (AWAITING_ANSWER.contains(state) || UNDER_WAY.contains(state)) {
                // a push answered, the inbox read, an officer's acknowledgement: receipt, again harmless later
                allowed.add(target(ReferralAction.RECEIVE, null));
                allowed.add(target(ReferralAction.ACKNOWLEDGE, null));
            }
            if (AWAITING_ANSWER.contains(state)) {
                allowed.add(target(ReferralAction.ACCEPT, null));
                allowed.add(target(ReferralAction.DECLINE, "reasonCode"));
            }
            if (UNDER_WAY.contains(state)) {
                allowed.add(target(ReferralAction.PROGRESS, null));
                allowed.add(target(ReferralAction.COMPLETE, "outcomeCode"));
                // another officer takes charge: the gateways let only a supervisor, a head or the agency's system
                allowed.add(target(ReferralAction.REASSIGN, "officerInCharge"));
            }
            if (OPEN.contains(state)) {
                allowed.add(new AllowedAction(ActionParty.REFERRER, ReferralAction.CANCEL, null));
            }
            // any party may write a note, whatever the state: the thread outlives the referral
            for (ActionParty party : ActionParty.values()) {
                allowed.add(new AllowedAction(party, ReferralAction.NOTE, "note"));
            }
            TABLE.put(state, List.copyOf(allowed));
        }
    }

    private ActionRules() {
    }

    /** What each party may do to a referral in {@code state}. */
    public static List<AllowedAction> allowed(ReferralState state) {
        return TABLE.get(state);
    }

    private static AllowedAction target(ReferralAction action, String requires) {
        return new AllowedAction(ActionParty.TARGET, action, requires);
    }
}
