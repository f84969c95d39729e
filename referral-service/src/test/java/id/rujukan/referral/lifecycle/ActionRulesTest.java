package id.rujukan.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.rujukan.contract.ActionParty;
import id.rujukan.contract.AllowedAction;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The whole table of the lifecycle's rules: who may do what in each state, and what each action must carry. */
class ActionRulesTest {

    private static final String NOTES = "REFERRER:NOTE(note) TARGET:NOTE(note) FORMER_TARGET:NOTE(note)";
    private static final String RECEIPT = "TARGET:RECEIVE TARGET:ACKNOWLEDGE ";
    private static final String ANSWER = "TARGET:ACCEPT TARGET:DECLINE(reasonCode) ";
    private static final String WORK = "TARGET:PROGRESS TARGET:COMPLETE(outcomeCode) TARGET:REASSIGN(officerInCharge) ";
    private static final String CANCEL = "REFERRER:CANCEL ";

    @Test
    void everyStateAllowsExactlyTheseActionsToTheseParties() {
        Map<ReferralState, String> expected = new EnumMap<>(ReferralState.class);
        expected.put(ReferralState.REQUESTED, CANCEL + NOTES);
        expected.put(ReferralState.ROUTED, RECEIPT + ANSWER + CANCEL + NOTES);
        expected.put(ReferralState.RECEIVED, RECEIPT + ANSWER + CANCEL + NOTES);
        expected.put(ReferralState.ACCEPTED, RECEIPT + WORK + CANCEL + NOTES);
        expected.put(ReferralState.IN_PROGRESS, RECEIPT + WORK + CANCEL + NOTES);
        expected.put(ReferralState.DECLINED, NOTES);
        expected.put(ReferralState.COMPLETED, NOTES);
        expected.put(ReferralState.CANCELLED, NOTES);
        expected.put(ReferralState.FAILED, NOTES);

        for (ReferralState state : ReferralState.values()) {
            assertThat(words(ActionRules.allowed(state))).as(state.name()).isEqualTo(sorted(expected.get(state)));
        }
    }

    @Test
    void anotherPartysActionIsNotYoursAndAnActionNoStateAllowsIsNotNow() {
        List<AllowedAction> routed = ActionRules.allowed(ReferralState.ROUTED);
        assertThat(kind(routed, Set.of(ActionParty.REFERRER), ReferralAction.ACCEPT, Set.of()))
                .contains(AllowedAction.Refusal.Kind.NOT_YOURS);
        assertThat(kind(routed, Set.of(ActionParty.TARGET), ReferralAction.COMPLETE, Set.of("outcomeCode")))
                .contains(AllowedAction.Refusal.Kind.NOT_NOW);
        assertThat(kind(ActionRules.allowed(ReferralState.CANCELLED), Set.of(ActionParty.TARGET),
                ReferralAction.ACCEPT, Set.of())).contains(AllowedAction.Refusal.Kind.NOT_NOW);
    }

    @Test
    void aDeclineWithoutAReasonAndACompletionWithoutAnOutcomeNameTheMissingField() {
        Optional<AllowedAction.Refusal> decline = AllowedAction.refusal(ActionRules.allowed(ReferralState.RECEIVED),
                Set.of(ActionParty.TARGET), ReferralAction.DECLINE, Set.of(), "RECEIVED");
        assertThat(decline).get().extracting(AllowedAction.Refusal::field).isEqualTo("reasonCode");
        Optional<AllowedAction.Refusal> complete = AllowedAction.refusal(ActionRules.allowed(ReferralState.ACCEPTED),
                Set.of(ActionParty.TARGET), ReferralAction.COMPLETE, Set.of(), "ACCEPTED");
        assertThat(complete).get().extracting(AllowedAction.Refusal::field).isEqualTo("outcomeCode");
        assertThat(AllowedAction.refusal(ActionRules.allowed(ReferralState.ACCEPTED), Set.of(ActionParty.TARGET),
                ReferralAction.COMPLETE, Set.of("outcomeCode"), "ACCEPTED")).isEmpty();
    }

    private static Optional<AllowedAction.Refusal.Kind> kind(List<AllowedAction> allowed, Set<ActionParty> parties,
            ReferralAction action, Set<String> given) {
        return AllowedAction.refusal(allowed, parties, action, given, "state").map(AllowedAction.Refusal::kind);
    }

    private static Set<String> words(List<AllowedAction> allowed) {
        Set<String> words = new TreeSet<>();
        allowed.forEach(a -> words.add(a.party() + ":" + a.action() + (a.requires() == null ? "" : "(" + a.requires() + ")")));
        return words;
    }

    private static Set<String> sorted(String words) {
        return new TreeSet<>(List.of(words.trim().split(" +")));
    }
}
