package id.rujukan.referral.lifecycle;

import id.rujukan.contract.ActionCodes;
import id.rujukan.contract.ActionParty;
import id.rujukan.contract.AllowedAction;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Level;
import id.rujukan.contract.OfficerDeparted;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralActionRefused;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.Outbox;
import id.rujukan.referral.alert.Alerts;
import id.rujukan.referral.deadline.Deadline;
import id.rujukan.referral.deadline.DeadlinePolicy;
import id.rujukan.referral.directory.Agencies;
import id.rujukan.referral.metrics.ReferralMetrics;
import id.rujukan.referral.routing.Placement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lifecycle of referrals: a submission taken in (and handed to {@link Placement}), and every action
 * applied if the rules allow it ({@link ActionRules}) or refused in the timeline. Every change is stored
 * with its timeline row, its clocks and the events that tell the others ({@link Changes}), in the caller's
 * transaction: all of it happens, or none.
 */
@ApplicationScoped
public class Referrals {

    private final Placement placement;
    private final Changes changes;
    private final Outbox outbox;
    private final Alerts alerts;
    private final DeadlinePolicy deadlines;
    private final Agencies agencies;
    private final Clock clock;
    private final ReferralMetrics metrics;

    public Referrals(Placement placement, Changes changes, Outbox outbox, Alerts alerts, DeadlinePolicy deadlines,
            Agencies agencies, Clock clock, ReferralMetrics metrics) {
        this.placement = placement;
        this.changes = changes;
        this.outbox = outbox;
        this.alerts = alerts;
        this.deadlines = deadlines;
        this.agencies = agencies;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Takes in a submitted referral and routes it. Does nothing if the referral is already known, so a
     * submission published twice is stored once.
     *
     * @throws IllegalArgumentException if the submission cannot be taken in; nothing is stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submit(ReferralSubmitted submitted) {
        UUID id = UUID.fromString(submitted.referralId());
        if (Referral.findById(id) != null) {
            return;
        }
        if (agencies.byId(submitted.referringAgencyId()).isEmpty()) {
            throw new IllegalArgumentException("Unknown referring agency " + submitted.referringAgencyId());
        }
        Instant now = clock.instant();
        CareCase careCase = openCase(submitted, now);
        Referral referral = new Referral();
        referral.id = id;
        referral.version = 1;
        referral.kind = submitted.kind();
        referral.caseId = careCase.id;
        referral.state = ReferralState.REQUESTED;
        referral.referringAgencyId = submitted.referringAgencyId();
        referral.requestedAgencyId = submitted.targetAgencyId();
        referral.serviceNeeded = submitted.serviceNeeded();
        referral.category = submitted.category();
        referral.urgency = submitted.urgency();
        referral.provinceCode = submitted.childRegion().provinceCode();
        referral.regencyCode = submitted.childRegion().regencyCode();
        referral.ageBand = submitted.ageBand();
        referral.sex = submitted.sex();
        referral.sealedData = submitted.sealedData();
        referral.submittedAt = submitted.submittedAt();
        referral.updatedAt = now;
        referral.persist();
        changes.record(referral, HistoryKind.SUBMITTED, submitted.referringAgencyId(), CloudEventAttributes.SYSTEM,
                null, referral.kind == ReferralKind.HANDOFF ? "handoff of case " + careCase.id + " submitted"
                        : "submitted");
        placement.place(referral, submitted);
    }

    /**
     * Applies an agency's action if it is theirs to take and legal in the referral's current state;
     * otherwise records the refusal in the timeline and tells the gateway.
     *
     * @throws IllegalArgumentException if the action names no referral this service knows
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void act(ReferralActionRequested action) {
        UUID id = UUID.fromString(action.referralId());
        // Orders this action against any other change to the referral. FOR NO KEY UPDATE, not FOR UPDATE:
        // an escalation firing holds its clock row and inserts rows that reference the referral (a key-share
        // lock); FOR UPDATE would make the two wait for each other.
        boolean exists = !Referral.getEntityManager()
                .createNativeQuery("select id from referral where id = :id for no key update")
                .setParameter("id", id).getResultList().isEmpty();
        if (!exists) {
            throw new IllegalArgumentException("Unknown referral " + action.referralId());
        }
        Referral referral = Referral.findById(id);
        Optional<String> refusal = refusal(referral, action);
        if (refusal.isPresent()) {
            refuse(referral, action, refusal.get());
            return;
        }
        Instant now = clock.instant();
        switch (action.action()) {
            case RECEIVE, ACKNOWLEDGE -> {
                if (referral.state != ReferralState.ROUTED) {
                    // already received: a push and a read, or two officers, are not two receipts
                    if (action.action() == ReferralAction.ACKNOWLEDGE) {
                        note(referral, action, "acknowledged by an officer");
                    }
                    return;
                }
                received(referral, now);
                change(referral, ReferralState.RECEIVED, action, action.action() == ReferralAction.RECEIVE
                        ? "received by the agency's system" : "receipt acknowledged by an officer");
            }
            case ACCEPT -> {
                if (referral.receivedAt == null) {
                    referral.receivedAt = now;
                    acknowledged(referral, now);
                }
                referral.acceptedAt = now;
                referral.officerInCharge = Optional.ofNullable(action.officerInCharge())
                        .or(() -> Optional.ofNullable(action.onBehalfOf())).orElse(action.actor());
                Deadline.stop(referral.id, Deadline.RECEIVE);
                Deadline.stop(referral.id, Deadline.ACCEPT);
                progressClock(referral, now);
                String reason = "accepted by " + agencies.nameOf(referral.targetAgencyId) + "; officer in charge: "
                        + referral.officerInCharge;
                if (referral.kind == ReferralKind.HANDOFF) {
                    CareCase careCase = CareCase.findById(referral.caseId, LockModeType.PESSIMISTIC_WRITE);
                    careCase.ownerAgencyId = referral.targetAgencyId;
                    careCase.updatedAt = now;
                    reason += "; case " + referral.caseId + " is now theirs";
                }
                change(referral, ReferralState.ACCEPTED, action, reason);
                changes.tellReferrer(referral, Alerts.ACCEPTED, "accepted-" + referral.version);
            }
            case DECLINE -> decline(referral, action);
            case PROGRESS -> {
                String reason = action.milestone() == null ? "progress reported"
                        : "progress reported: " + action.milestone();
                if (action.milestone() != null) {
                    deadlines.stoppedBy(action.milestone()).forEach(kind -> Deadline.stop(referral.id, kind));
                }
                // the cadence counts from this report: the clock and any escalation it had reached start over
                Deadline.stopProgress(referral.id);
                progressClock(referral, now);
                change(referral, ReferralState.IN_PROGRESS, action, reason);
            }
            case COMPLETE -> {
                Deadline.stopAll(referral.id);
                referral.progressDueAt = null;
                referral.outcomeCode = action.outcomeCode();
                referral.closedAt = now;
                change(referral, ReferralState.COMPLETED, action, "completed with outcome " + action.outcomeCode());
                changes.tellReferrer(referral, Alerts.COMPLETED, "completed");
            }
            case CANCEL -> {
                Deadline.stopAll(referral.id);
                referral.progressDueAt = null;
                referral.closedAt = now;
                change(referral, ReferralState.CANCELLED, action, "cancelled by the referrer");
                if (referral.targetAgencyId != null) {
                    outbox.addAll(alerts.requests(referral.id.toString(), "cancelled", Alerts.CANCELLED,
                            agencies.byId(referral.targetAgencyId).orElseThrow(), Level.OFFICERS.roles(),
                            referral.referringAgencyId, referral.category, referral.urgency, null, now));
                }
            }
            case NOTE -> note(referral, action, "note added");
            case REASSIGN -> {
                String before = referral.officerInCharge;
                referral.officerInCharge = action.officerInCharge();
                note(referral, action, "officer in charge changed from " + before + " to " + referral.officerInCharge);
            }
        }
    }

    /** Starts the clock for the next progress report, counted from {@code from}. */
    private void progressClock(Referral referral, Instant from) {
        referral.progressDueAt = deadlines.progressDue(from, referral.urgency, referral.category,
                agencies.byId(referral.targetAgencyId).orElseThrow(), Deadline.running(referral.id));
        Deadline.start(referral.id, Deadline.progress(referral.version), referral.progressDueAt);
    }

    /**
     * An officer left the agency or was disabled: every referral under way they were in charge of is left without
     * an officer in charge, in its timeline, and the agency's supervisor is alerted to name another (reassign).
     * Their progress clocks run on: the reminders go to the agency's officers meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void officerDeparted(OfficerDeparted departed) {
        @SuppressWarnings("unchecked")
        List<UUID> held = Referral.getEntityManager().createNativeQuery("""
                select id from referral where target_agency_id = :agency and officer_in_charge = :officer
                    and state in ('ACCEPTED', 'IN_PROGRESS')
                order by id for no key update""")
                .setParameter("agency", departed.agencyId()).setParameter("officer", departed.officer())
                .getResultList();
        Instant now = clock.instant();
        for (UUID id : held) {
            Referral referral = Referral.findById(id);
            referral.officerInCharge = null;
            referral.version++;
            referral.updatedAt = now;
            String reason = "officer in charge " + departed.officer() + " left the agency; the supervisor is asked "
                    + "to name another";
            changes.record(referral, HistoryKind.NOTE, departed.agencyId(), departed.departedBy(), referral.state,
                    reason);
            changes.publish(referral, EventTypes.REFERRAL_STATE_CHANGED, referral.state, null, departed.agencyId(),
                    departed.departedBy(), null, reason, null, null);
            outbox.addAll(alerts.requests(referral.id.toString(), "unassigned-" + referral.version, Alerts.UNASSIGNED,
                    agencies.byId(referral.targetAgencyId).orElseThrow(), Level.SUPERVISOR.roles(),
                    referral.referringAgencyId, referral.category, referral.urgency, null, now));
        }
    }

    /** Why the action may not be taken, by the lifecycle's rules ({@link ActionRules}), or empty if it may. */
    private static Optional<String> refusal(Referral referral, ReferralActionRequested action) {
        Set<ActionParty> parties = EnumSet.noneOf(ActionParty.class);
        if (action.agencyId().equals(referral.referringAgencyId)) {
            parties.add(ActionParty.REFERRER);
        }
        if (action.agencyId().equals(referral.targetAgencyId)) {
            parties.add(ActionParty.TARGET);
        }
        if (referral.formerTargets.contains(action.agencyId())) {
            parties.add(ActionParty.FORMER_TARGET);
        }
        Optional<ActionCodes.Unknown> unknown = ActionCodes.unknown(action.action(), action.reasonCode(),
                action.outcomeCode(), action.milestone());
        if (unknown.isPresent()) {
            return Optional.of(unknown.get().field() + " " + unknown.get().message());
        }
        Set<String> given = AllowedAction.given(action.reasonCode(), action.outcomeCode(), action.note() != null,
                action.officerInCharge());
        return AllowedAction.refusal(ActionRules.allowed(referral.state), parties, action.action(), given,
                referral.state.name()).map(refused -> refused.kind() == AllowedAction.Refusal.Kind.NOT_YOURS
                        ? "agency " + action.agencyId() + " may not " + verb(action.action()) + " this referral"
                        : refused.message());
    }

    private static String verb(ReferralAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    private void decline(Referral referral, ReferralActionRequested action) {
        Deadline.stopAll(referral.id);
        referral.progressDueAt = null;
        String decliner = referral.targetAgencyId;
        change(referral, ReferralState.DECLINED, action, "declined by " + agencies.nameOf(decliner) + ": "
                + action.reasonCode());
        changes.tellReferrer(referral, Alerts.DECLINED, "declined-" + referral.version);
        placement.afterDecline(referral, decliner);
    }

    private void received(Referral referral, Instant now) {
        referral.receivedAt = now;
        acknowledged(referral, now);
        Deadline.stop(referral.id, Deadline.RECEIVE);
        // the accept clock counts from routing; if it has already run out, its chain starts now
        Deadline.start(referral.id, Deadline.ACCEPT, referral.acceptDueAt);
    }

    private void acknowledged(Referral referral, Instant now) {
        if (referral.routedAt != null) {
            metrics.acknowledged(referral.urgency, Duration.between(referral.routedAt, now));
        }
    }

    private CareCase openCase(ReferralSubmitted submitted, Instant now) {
        CareCase careCase = CareCase.findById(submitted.caseId(), LockModeType.PESSIMISTIC_WRITE);
        if (careCase == null) {
            careCase = new CareCase();
            careCase.id = submitted.caseId();
            careCase.ownerAgencyId = submitted.referringAgencyId();
            careCase.openedAt = now;
            careCase.updatedAt = now;
            careCase.persist();
        } else if (submitted.kind() == ReferralKind.HANDOFF
                && !careCase.ownerAgencyId.equals(submitted.referringAgencyId())) {
            throw new IllegalArgumentException("Agency " + submitted.referringAgencyId()
                    + " cannot hand off case " + submitted.caseId() + ": it is not responsible for it");
        }
        return careCase;
    }

    private void note(Referral referral, ReferralActionRequested action, String what) {
        String reason = what + actedFor(action);
        referral.version++;
        referral.updatedAt = clock.instant();
        HistoryEntry entry = changes.record(referral, HistoryKind.NOTE, action.agencyId(), action.actor(),
                referral.state, reason);
        entry.onBehalfOf = action.onBehalfOf();
        changes.publish(referral, EventTypes.REFERRAL_STATE_CHANGED, referral.state, action.action(),
                action.agencyId(), action.actor(), action.reasonCode(), reason, action.note(), null);
    }

    private void change(Referral referral, ReferralState to, ReferralActionRequested action, String what) {
        String reason = what + actedFor(action);
        ReferralState from = changes.transition(referral, to, HistoryKind.TRANSITION, action.agencyId(),
                action.actor(), reason, code(action), action.onBehalfOf());
        changes.publish(referral, EventTypes.REFERRAL_STATE_CHANGED, from, action.action(), action.agencyId(),
                action.actor(), action.reasonCode(), reason, action.note(), null);
    }

    /** The timeline's words for an action a supervisor or head took for an officer, or nothing. */
    private static String actedFor(ReferralActionRequested action) {
        return action.onBehalfOf() == null ? ""
                : "; " + action.actor() + " acted on behalf of " + action.onBehalfOf();
    }

    /** The code an action carried, as reports count it. */
    private static String code(ReferralActionRequested action) {
        return switch (action.action()) {
            case DECLINE, CANCEL -> action.reasonCode();
            case COMPLETE -> action.outcomeCode();
            case PROGRESS -> action.milestone();
            default -> null;
        };
    }

    private void refuse(Referral referral, ReferralActionRequested action, String reason) {
        Instant now = clock.instant();
        changes.record(referral, HistoryKind.REFUSED, action.agencyId(), action.actor(), referral.state,
                verb(action.action()) + " refused: " + reason);
        // told to the agency whose action it was
        outbox.add(Topics.lifecycle(action.agencyId()), referral.id.toString(), EventTypes.REFERRAL_ACTION_REFUSED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, action.agencyId(), now,
                new ReferralActionRefused(action.actionId(), referral.id.toString(), action.action(),
                        action.agencyId(), referral.state.name(), reason, now));
    }
}
