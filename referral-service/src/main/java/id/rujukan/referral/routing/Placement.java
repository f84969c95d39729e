package id.rujukan.referral.routing;

import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Level;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.messaging.Outbox;
import id.rujukan.referral.alert.Alerts;
import id.rujukan.referral.deadline.Deadline;
import id.rujukan.referral.deadline.DeadlinePolicy;
import id.rujukan.referral.directory.Agencies;
import id.rujukan.referral.directory.Agency;
import id.rujukan.referral.escalation.EscalationPolicy;
import id.rujukan.referral.lifecycle.Changes;
import id.rujukan.referral.lifecycle.HistoryKind;
import id.rujukan.referral.lifecycle.Referral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a referral goes: to the candidates routing found, one at a time, each with its clocks started and
 * its escalation chain frozen; to the next candidate when one declines; back to the referrer, with the
 * province told, when none is left.
 */
@ApplicationScoped
public class Placement {

    private final Router router;
    private final Changes changes;
    private final Outbox outbox;
    private final Alerts alerts;
    private final DeadlinePolicy deadlines;
    private final EscalationPolicy escalation;
    private final Agencies agencies;
    private final Clock clock;

    public Placement(Router router, Changes changes, Outbox outbox, Alerts alerts, DeadlinePolicy deadlines,
            EscalationPolicy escalation, Agencies agencies, Clock clock) {
        this.router = router;
        this.changes = changes;
        this.outbox = outbox;
        this.alerts = alerts;
        this.deadlines = deadlines;
        this.escalation = escalation;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Routes a referral just taken in: to its first candidate, or to FAILED if routing found none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void place(Referral referral, ReferralSubmitted submitted) {
        RoutingDecision decision = router.route(RoutingFacts.of(submitted));
        referral.routingRule = decision.rule();
        referral.candidates = new ArrayList<>(decision.candidates().stream().map(agency -> agency.id).toList());
        if (decision.candidates().isEmpty()) {
            String reason = "no agency found by rule " + decision.rule() + ": " + decision.explanation();
            ReferralState from = changes.transition(referral, ReferralState.FAILED, HistoryKind.ROUTING,
                    CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, reason);
            referral.closedAt = clock.instant();
            changes.publish(referral, EventTypes.REFERRAL_ROUTING_FAILED, from, null, CloudEventAttributes.SYSTEM,
                    CloudEventAttributes.SYSTEM, null, reason, null, null);
            return;
        }
        routeTo(referral, 0, decision.explanation());
    }

    /**
     * After a decline: the next candidate, or, with nobody left, back with the referrer, and the province
     * must know a child is without help.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterDecline(Referral referral, String decliner) {
        referral.formerTargets.add(decliner);
        int next = referral.candidateIndex + 1;
        if (next < referral.candidates.size()) {
            routeTo(referral, next, "after " + agencies.nameOf(decliner) + " declined");
            return;
        }
        referral.targetAgencyId = null;
        String reason = "no candidate left after " + agencies.nameOf(decliner) + " declined; back with the referrer";
        ReferralState from = changes.transition(referral, ReferralState.DECLINED, HistoryKind.ROUTING,
                CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, reason);
        changes.publish(referral, EventTypes.REFERRAL_STATE_CHANGED, from, null, CloudEventAttributes.SYSTEM,
                CloudEventAttributes.SYSTEM, null, reason, null, decliner);
        Optional<Agency> province = Agency.dinasSosialOfProvince(agencies.all(), referral.provinceCode);
        if (province.isPresent()) {
            changes.record(referral, HistoryKind.ESCALATION, CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM,
                    referral.state, "escalated to " + province.get().name + ": no agency took the referral");
            outbox.addAll(alerts.requests(referral.id.toString(), "unplaced", Alerts.ESCALATION, province.get(),
                    Level.PROVINCE.roles(), referral.referringAgencyId, referral.category, referral.urgency,
                    Level.PROVINCE.name(), clock.instant()));
        }
    }

    /** Sends the referral to its candidate at {@code index}: state, clocks, frozen chain, alerts. */
    private void routeTo(Referral referral, int index, String why) {
        Instant now = clock.instant();
        Agency target = agencies.byId(referral.candidates.get(index)).orElseThrow();
        String previous = referral.targetAgencyId;
        referral.candidateIndex = index;
        referral.targetAgencyId = target.id;
        referral.routedAt = now;
        referral.receivedAt = null;
        referral.acceptedAt = null;
        referral.receiveDueAt = deadlines.receiveDue(now, referral.urgency, target);
        referral.acceptDueAt = deadlines.acceptDue(now, referral.urgency, target);
        referral.escalationChain = escalation.chainFor(target.type, referral.urgency);
        Deadline.start(referral.id, Deadline.RECEIVE, referral.receiveDueAt);
        List<DeadlinePolicy.LegalDeadline> legal = deadlines.legalDeadlines(now, referral.category, target);
        legal.forEach(clockOfLaw -> Deadline.start(referral.id, clockOfLaw.kind(), clockOfLaw.dueAt()));

        StringBuilder reason = new StringBuilder("routed to ").append(target.name).append(" by rule ")
                .append(referral.routingRule).append(", ").append(why);
        if (referral.candidates.size() > 1) {
            reason.append(" (candidate ").append(index + 1).append(" of ").append(referral.candidates.size())
                    .append(')');
        }
        legal.forEach(clockOfLaw -> reason.append("; ").append(clockOfLaw.law()).append(" clock runs until ")
                .append(clockOfLaw.dueAt()));
        ReferralState from = changes.transition(referral, ReferralState.ROUTED, HistoryKind.ROUTING,
                CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, reason.toString());
        changes.publish(referral, EventTypes.REFERRAL_ROUTED, from, null, CloudEventAttributes.SYSTEM,
                CloudEventAttributes.SYSTEM, null, reason.toString(), null, previous);
        String template = referral.kind == ReferralKind.HANDOFF ? Alerts.HANDOFF_REQUESTED : Alerts.NEW_REFERRAL;
        outbox.addAll(alerts.requests(referral.id.toString(), "routed-" + (index + 1), template, target,
                Level.OFFICERS.roles(), referral.referringAgencyId, referral.category, referral.urgency, null, now));
    }
}
