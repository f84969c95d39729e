package id.rujukan.referral.lifecycle;

import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Level;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.Outbox;
import id.rujukan.referral.alert.Alerts;
import id.rujukan.referral.directory.Agencies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How a referral's changes are kept and told: each one moves its state and version, adds its line to the
 * timeline, and writes the lifecycle event (with what each party may do next, {@link ActionRules}) to the
 * outbox, in the caller's transaction.
 */
@ApplicationScoped
public class Changes {

    private final Outbox outbox;
    private final Alerts alerts;
    private final Agencies agencies;
    private final Clock clock;

    public Changes(Outbox outbox, Alerts alerts, Agencies agencies, Clock clock) {
        this.outbox = outbox;
        this.alerts = alerts;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Moves the referral to a state, with its timeline row; returns the state it left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralState transition(Referral referral, ReferralState to, HistoryKind kind, String agency,
            String actor, String reason) {
        return transition(referral, to, kind, agency, actor, reason, null, null);
    }

    /**
     * Moves the referral to a state for an action, with its timeline row keeping the action's code and the officer
     * it was taken for; returns the state it left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralState transition(Referral referral, ReferralState to, HistoryKind kind, String agency,
            String actor, String reason, String code, String onBehalfOf) {
        ReferralState from = referral.state;
        referral.state = to;
        referral.version++;
        referral.updatedAt = clock.instant();
        HistoryEntry entry = record(referral, kind, agency, actor, from, reason);
        entry.code = code;
        entry.onBehalfOf = onBehalfOf;
        return from;
    }

    /** Adds a line to the referral's timeline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public HistoryEntry record(Referral referral, HistoryKind kind, String agency, String actor, ReferralState from,
            String reason) {
        HistoryEntry entry = new HistoryEntry();
        entry.referralId = referral.id;
        entry.at = clock.instant();
        entry.kind = kind;
        entry.actorAgencyId = agency;
        entry.actor = actor;
        entry.fromState = from;
        entry.toState = referral.state;
        entry.reason = reason;
        entry.persist();
        return entry;
    }

    /**
     * Tells the referral's parties what changed, each on its own lifecycle topic: the referrer, the target, and
     * the target before a re-routing (which learns that it no longer holds the referral).
     *
     * @param type {@code routed}, {@code routing-failed} or {@code state-changed}
     * @param previousTarget the target before a re-routing, or {@code null}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Referral referral, String type, ReferralState from, ReferralAction action,
            String actorAgency, String actor, String reasonCode, String reason, SealedData note,
            String previousTarget) {
        String owner = CareCase.<CareCase>findByIdOptional(referral.caseId).map(c -> c.ownerAgencyId)
                .orElse(referral.referringAgencyId);
        List<String> parties = Stream.of(referral.referringAgencyId, referral.targetAgencyId, previousTarget)
                .filter(Objects::nonNull).distinct().map(Topics::lifecycle).toList();
        outbox.add(parties, referral.id.toString(), type, CloudEventAttributes.SOURCE_REFERRAL_SERVICE,
                actorAgency, referral.updatedAt,
                new ReferralStateChanged(referral.id.toString(), referral.version, referral.kind, referral.caseId,
                        referral.referringAgencyId, referral.targetAgencyId, previousTarget, owner, referral.category,
                        referral.urgency, from == null ? null : from.name(), referral.state.name(), action,
                        actorAgency, actor, reasonCode, type.equals(EventTypes.REFERRAL_STATE_CHANGED) ? null
                                : referral.routingRule, reason, note, referral.submittedAt, referral.updatedAt,
                        ActionRules.allowed(referral.state), referral.receiveDueAt, referral.acceptDueAt,
                        referral.officerInCharge, referral.progressDueAt));
    }

    /** Alerts the referring agency's officers (accepted, declined, completed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellReferrer(Referral referral, String template, String step) {
        outbox.addAll(alerts.requests(referral.id.toString(), step, template,
                agencies.byId(referral.referringAgencyId).orElseThrow(), Level.OFFICERS.roles(), referral.referringAgencyId, referral.category, referral.urgency, null,
                clock.instant()));
    }
}
