package id.rujukan.gateway;

import id.rujukan.contract.ActionParty;
import id.rujukan.contract.AllowedAction;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.NotificationStatusChanged;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralEscalated;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** Lifecycle events as referral-service publishes them. */
final class LifecycleEvents {

    private LifecycleEvents() {
    }

    /**
     * Where an event goes, as referral-service and notification-service address it: a state change to each of its
     * parties' lifecycle topics, an escalation to its target's, an alert's status to the alerted agency's.
     */
    static List<String> topicsOf(Object data) {
        if (data instanceof ReferralStateChanged changed) {
            return Stream.of(changed.referringAgencyId(), changed.targetAgencyId(), changed.previousTargetAgencyId())
                    .filter(Objects::nonNull).distinct().map(Topics::lifecycle).toList();
        } else if (data instanceof ReferralEscalated escalated) {
            return List.of(Topics.lifecycle(escalated.targetAgencyId()));
        } else if (data instanceof NotificationStatusChanged status) {
            return List.of(Topics.notificationStatus(status.agencyId()));
        }
        throw new IllegalArgumentException("not an event referral-service or notification-service tells: " + data);
    }

    static ReferralStateChanged routed(String referralId, long version, String state, CaseCategory category,
            Urgency urgency, String reason) {
        return new ReferralStateChanged(referralId, version, ReferralKind.REFERRAL, referralId, "rutan-martapura",
                "dinsos-1608", null, "rutan-martapura", category, urgency, "REQUESTED", state, null,
                CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, null, "named-by-referrer", reason, null,
                Instant.now(), Instant.now(), allowedIn(state), Instant.now().plus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(4)), null, null);
    }

    /** A referral of {@code referrer} in the given state at {@code target}, with its target's deadlines. */
    static ReferralStateChanged inState(String referralId, String referrer, String target, String state,
            CaseCategory category, Urgency urgency, Instant receiveDueAt, Instant acceptDueAt) {
        return new ReferralStateChanged(referralId, 2, ReferralKind.REFERRAL, referralId, referrer, target, null,
                referrer, category, urgency, "REQUESTED", state, null, CloudEventAttributes.SYSTEM,
                CloudEventAttributes.SYSTEM, null, "default", "routed", null, Instant.now(), Instant.now(),
                allowedIn(state), receiveDueAt, acceptDueAt, null, null);
    }

    /**
     * A referral of a case routed to {@code target}, at {@code version}: a re-routing when {@code previousTarget} is
     * set.
     */
    static ReferralStateChanged routedTo(String referralId, String caseId, String referrer, String target,
            String previousTarget, long version) {
        return new ReferralStateChanged(referralId, version, ReferralKind.REFERRAL, caseId, referrer, target,
                previousTarget, referrer, CaseCategory.CHILD_OF_DETAINEE, Urgency.HIGH,
                previousTarget == null ? "REQUESTED" : "DECLINED", "ROUTED", null, CloudEventAttributes.SYSTEM,
                CloudEventAttributes.SYSTEM, null, "default", "routed", null, Instant.now(), Instant.now(),
                allowedIn("ROUTED"), Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(4)),
                null, null);
    }

    /** The target's acceptance of a referral routed by {@link #inState}, with the officer put in charge. */
    static ReferralStateChanged accepted(String referralId, String referrer, String target, String actor,
            String officerInCharge, String reason) {
        return new ReferralStateChanged(referralId, 3, ReferralKind.REFERRAL, referralId, referrer, target, null,
                referrer, CaseCategory.TRAFFICKING, Urgency.HIGH, "ROUTED", "ACCEPTED", ReferralAction.ACCEPT, target,
                actor, null, null, reason, null, Instant.now(), Instant.now(), allowedIn("ACCEPTED"), null, null,
                officerInCharge, Instant.now().plus(Duration.ofDays(3)));
    }

    /**
     * What referral-service publishes as allowed in the states these tests put referrals in: the target
     * answers a referral awaiting it and works on one it accepted, the referrer cancels an open one, and any
     * party writes notes. The gateway is tested on applying such a list, not on the rules behind it.
     */
    static List<AllowedAction> allowedIn(String state) {
        List<AllowedAction> allowed = new ArrayList<>();
        boolean awaiting = Set.of("ROUTED", "RECEIVED").contains(state);
        boolean underWay = Set.of("ACCEPTED", "IN_PROGRESS").contains(state);
        if (awaiting || underWay) {
            allowed.add(new AllowedAction(ActionParty.TARGET, ReferralAction.ACKNOWLEDGE, null));
            allowed.add(new AllowedAction(ActionParty.REFERRER, ReferralAction.CANCEL, null));
        }
        if (awaiting) {
            allowed.add(new AllowedAction(ActionParty.TARGET, ReferralAction.ACCEPT, null));
            allowed.add(new AllowedAction(ActionParty.TARGET, ReferralAction.DECLINE, "reasonCode"));
        }
        if (underWay) {
            allowed.add(new AllowedAction(ActionParty.TARGET, ReferralAction.PROGRESS, null));
            allowed.add(new AllowedAction(ActionParty.TARGET, ReferralAction.COMPLETE, "outcomeCode"));
            allowed.add(new AllowedAction(ActionParty.TARGET, ReferralAction.REASSIGN, "officerInCharge"));
        }
        for (ActionParty party : ActionParty.values()) {
            allowed.add(new AllowedAction(party, ReferralAction.NOTE, "note"));
        }
        return allowed;
    }
}
