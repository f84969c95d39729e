package id.rujukan.referral.lifecycle;

import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralActionRefused;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.Outbox;
import id.rujukan.referral.alert.Alerts;
import id.rujukan.referral.deadline.Deadline;
import id.rujukan.referral.deadline.DeadlinePolicy;
import id.rujukan.referral.directory.Agency;
import id.rujukan.referral.escalation.EscalationPolicy;
import id.rujukan.referral.escalation.Level;
import id.rujukan.referral.metrics.ReferralMetrics;
import id.rujukan.referral.routing.Router;
import id.rujukan.referral.routing.RoutingDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lifecycle of referrals. Every change is stored with its timeline row, its clocks and the events
 * that tell the others, in the caller's transaction: all of it happens, or none.
 */
@ApplicationScoped
public class Referrals {

    private static final Set<ReferralState> OPEN = Set.of(ReferralState.REQUESTED, ReferralState.ROUTED,
            ReferralState.RECEIVED, ReferralState.ACCEPTED, ReferralState.IN_PROGRESS);
    private static final Set<ReferralState> AWAITING_ANSWER = Set.of(ReferralState.ROUTED, ReferralState.RECEIVED);
    private static final Set<ReferralState> UNDER_WAY = Set.of(ReferralState.ACCEPTED, ReferralState.IN_PROGRESS);

    private final Router router;
    private final Outbox outbox;
    private final Alerts alerts;
    private final DeadlinePolicy deadlines;
    private final EscalationPolicy escalation;
    private final Clock clock;
    private final ReferralMetrics metrics;

    public Referrals(Router router, Outbox outbox, Alerts alerts, DeadlinePolicy deadlines,
            EscalationPolicy escalation, Clock clock, ReferralMetrics metrics) {
        this.metrics = metrics;
        this.router = router;
        this.outbox = outbox;
        this.alerts = alerts;
        this.deadlines = deadlines;
        this.escalation = escalation;
        this.clock = clock;
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
        if (Agency.findById(submitted.referringAgencyId()) == null) {
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
        record(referral, HistoryKind.SUBMITTED, submitted.referringAgencyId(), CloudEventAttributes.SYSTEM, null,
                referral.kind == ReferralKind.HANDOFF ? "handoff of case " + careCase.id + " submitted" : "submitted");

        RoutingDecision decision = router.route(submitted);
        referral.routingRule = decision.rule();
        referral.candidates = new ArrayList<>(decision.candidates().stream().map(agency -> agency.id).toList());
        if (decision.candidates().isEmpty()) {
            String reason = "no agency found by rule " + decision.rule() + ": " + decision.explanation();
            ReferralState from = transition(referral, ReferralState.FAILED, HistoryKind.ROUTING,
                    CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, reason);
            referral.closedAt = now;
            publish(referral, EventTypes.REFERRAL_ROUTING_FAILED, from, null, CloudEventAttributes.SYSTEM,
                    CloudEventAttributes.SYSTEM, null, reason, null, null);
            return;
        }
        routeTo(referral, 0, decision.explanation());
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
                Deadline.stop(referral.id, Deadline.RECEIVE);
                Deadline.stop(referral.id, Deadline.ACCEPT);
                String reason = "accepted by " + name(referral.targetAgencyId);
                if (referral.kind == ReferralKind.HANDOFF) {
                    CareCase careCase = CareCase.findById(referral.caseId, LockModeType.PESSIMISTIC_WRITE);
                    careCase.ownerAgencyId = referral.targetAgencyId;
                    careCase.updatedAt = now;
                    reason += "; case " + referral.caseId + " is now theirs";
                }
                change(referral, ReferralState.ACCEPTED, action, reason);
                tellReferrer(referral, Alerts.ACCEPTED, "accepted-" + referral.version);
            }
            case DECLINE -> decline(referral, action);
            case PROGRESS -> {
                String reason = action.milestone() == null ? "progress reported"
                        : "progress reported: " + action.milestone();
                if (action.milestone() != null) {
                    deadlines.stoppedBy(action.milestone()).forEach(kind -> Deadline.stop(referral.id, kind));
                }
                change(referral, ReferralState.IN_PROGRESS, action, reason);
            }
            case COMPLETE -> {
                Deadline.stopAll(referral.id);
                referral.closedAt = now;
                change(referral, ReferralState.COMPLETED, action, "completed with outcome " + action.outcomeCode());
                tellReferrer(referral, Alerts.COMPLETED, "completed");
            }
            case CANCEL -> {
                Deadline.stopAll(referral.id);
                referral.closedAt = now;
                change(referral, ReferralState.CANCELLED, action, "cancelled by the referrer");
                if (referral.targetAgencyId != null) {
                    outbox.addAll(alerts.requests(referral.id.toString(), "cancelled", Alerts.CANCELLED,
                            Agency.findById(referral.targetAgencyId), Level.OFFICERS.roles(),
                            referral.referringAgencyId, referral.category, referral.urgency, null, now));
                }
            }
            case NOTE -> note(referral, action, "note added");
        }
    }

    /** Why the action may not be taken, or empty if it may. */
    private static Optional<String> refusal(Referral referral, ReferralActionRequested action) {
        boolean byTarget = action.agencyId().equals(referral.targetAgencyId);
        boolean byReferrer = action.agencyId().equals(referral.referringAgencyId);
        ReferralState state = referral.state;
        return switch (action.action()) {
            case RECEIVE, ACKNOWLEDGE -> !byTarget ? notYours(action)
                    : state == ReferralState.ROUTED || UNDER_WAY.contains(state) || state == ReferralState.RECEIVED
                            ? Optional.empty() : illegal(action, state);
            case ACCEPT -> !byTarget ? notYours(action)
                    : AWAITING_ANSWER.contains(state) ? Optional.empty() : illegal(action, state);
            case DECLINE -> !byTarget ? notYours(action)
                    : !AWAITING_ANSWER.contains(state) ? illegal(action, state)
                    : action.reasonCode() == null ? Optional.of("a decline needs a reason code") : Optional.empty();
            case PROGRESS -> !byTarget ? notYours(action)
                    : UNDER_WAY.contains(state) ? Optional.empty() : illegal(action, state);
            case COMPLETE -> !byTarget ? notYours(action)
                    : !UNDER_WAY.contains(state) ? illegal(action, state)
                    : action.outcomeCode() == null ? Optional.of("a completion needs an outcome code") : Optional.empty();
            case CANCEL -> !byReferrer ? notYours(action)
                    : OPEN.contains(state) ? Optional.empty() : illegal(action, state);
            case NOTE -> byTarget || byReferrer || referral.formerTargets.contains(action.agencyId())
                    ? Optional.empty() : notYours(action);
        };
    }

    private static Optional<String> notYours(ReferralActionRequested action) {
        return Optional.of("agency " + action.agencyId() + " may not " + verb(action.action()) + " this referral");
    }

    private static Optional<String> illegal(ReferralActionRequested action, ReferralState state) {
        return Optional.of("cannot " + verb(action.action()) + " a referral that is " + state);
    }

    private static String verb(ReferralAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    private void decline(Referral referral, ReferralActionRequested action) {
        Instant now = clock.instant();
        Deadline.stopAll(referral.id);
        String decliner = referral.targetAgencyId;
        change(referral, ReferralState.DECLINED, action, "declined by " + name(decliner) + ": "
                + action.reasonCode());
        tellReferrer(referral, Alerts.DECLINED, "declined-" + referral.version);
        referral.formerTargets.add(decliner);
        int next = referral.candidateIndex + 1;
        if (next < referral.candidates.size()) {
            routeTo(referral, next, "after " + name(decliner) + " declined");
            return;
        }
        // nobody left: back with the referrer, and the province must know a child is without help
        referral.targetAgencyId = null;
        String reason = "no candidate left after " + name(decliner) + " declined; back with the referrer";
        ReferralState from = transition(referral, ReferralState.DECLINED, HistoryKind.ROUTING,
                CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, reason);
        publish(referral, EventTypes.REFERRAL_STATE_CHANGED, from, null, CloudEventAttributes.SYSTEM,
                CloudEventAttributes.SYSTEM, null, reason, null, decliner);
        Optional<Agency> province = Agency.dinasSosialOfProvince(referral.provinceCode);
        if (province.isPresent()) {
            record(referral, HistoryKind.ESCALATION, CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM,
                    referral.state, "escalated to " + province.get().name + ": no agency took the referral");
            outbox.addAll(alerts.requests(referral.id.toString(), "unplaced", Alerts.ESCALATION, province.get(),
                    Level.PROVINCE.roles(), referral.referringAgencyId, referral.category, referral.urgency,
                    Level.PROVINCE.name(), now));
        }
    }

    /** Sends the referral to its candidate at {@code index}: state, clocks, frozen chain, alerts. */
    private void routeTo(Referral referral, int index, String why) {
        Instant now = clock.instant();
        Agency target = Agency.findById(referral.candidates.get(index));
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
        ReferralState from = transition(referral, ReferralState.ROUTED, HistoryKind.ROUTING,
                CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, reason.toString());
        publish(referral, EventTypes.REFERRAL_ROUTED, from, null, CloudEventAttributes.SYSTEM,
                CloudEventAttributes.SYSTEM, null, reason.toString(), null, previous);
        String template = referral.kind == ReferralKind.HANDOFF ? Alerts.HANDOFF_REQUESTED : Alerts.NEW_REFERRAL;
        outbox.addAll(alerts.requests(referral.id.toString(), "routed-" + (index + 1), template, target,
                Level.OFFICERS.roles(), referral.referringAgencyId, referral.category, referral.urgency, null, now));
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

    private void note(Referral referral, ReferralActionRequested action, String reason) {
        referral.version++;
        referral.updatedAt = clock.instant();
        record(referral, HistoryKind.NOTE, action.agencyId(), action.actor(), referral.state, reason);
        publish(referral, EventTypes.REFERRAL_STATE_CHANGED, referral.state, action.action(), action.agencyId(),
                action.actor(), action.reasonCode(), reason, action.note(), null);
    }

    private void change(Referral referral, ReferralState to, ReferralActionRequested action, String reason) {
        ReferralState from = transition(referral, to, HistoryKind.TRANSITION, action.agencyId(), action.actor(),
                reason);
        publish(referral, EventTypes.REFERRAL_STATE_CHANGED, from, action.action(), action.agencyId(),
                action.actor(), action.reasonCode(), reason, action.note(), null);
    }

    private void refuse(Referral referral, ReferralActionRequested action, String reason) {
        Instant now = clock.instant();
        record(referral, HistoryKind.REFUSED, action.agencyId(), action.actor(), referral.state,
                verb(action.action()) + " refused: " + reason);
        outbox.add(Topics.REFERRAL_LIFECYCLE, referral.id.toString(), EventTypes.REFERRAL_ACTION_REFUSED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, action.agencyId(), now,
                new ReferralActionRefused(action.actionId(), referral.id.toString(), action.action(),
                        action.agencyId(), referral.state.name(), reason, now));
    }

    private void tellReferrer(Referral referral, String template, String step) {
        outbox.addAll(alerts.requests(referral.id.toString(), step, template, Agency.findById(referral.referringAgencyId),
                Level.OFFICERS.roles(), referral.referringAgencyId, referral.category, referral.urgency, null,
                clock.instant()));
    }

    /** Moves the referral to a state, with its timeline row; returns the state it left. */
    private ReferralState transition(Referral referral, ReferralState to, HistoryKind kind, String agency,
            String actor, String reason) {
        ReferralState from = referral.state;
        referral.state = to;
        referral.version++;
        referral.updatedAt = clock.instant();
        record(referral, kind, agency, actor, from, reason);
        return from;
    }

    private void record(Referral referral, HistoryKind kind, String agency, String actor,
            ReferralState from, String reason) {
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
    }

    private void publish(Referral referral, String type, ReferralState from, ReferralAction action,
            String actorAgency, String actor, String reasonCode, String reason, SealedData note,
            String previousTarget) {
        String owner = CareCase.<CareCase>findByIdOptional(referral.caseId).map(c -> c.ownerAgencyId)
                .orElse(referral.referringAgencyId);
        outbox.add(Topics.REFERRAL_LIFECYCLE, referral.id.toString(), type, CloudEventAttributes.SOURCE_REFERRAL_SERVICE,
                actorAgency, referral.updatedAt,
                new ReferralStateChanged(referral.id.toString(), referral.version, referral.kind, referral.caseId,
                        referral.referringAgencyId, referral.targetAgencyId, previousTarget, owner, referral.category,
                        referral.urgency, from == null ? null : from.name(), referral.state.name(), action,
                        actorAgency, actor, reasonCode, type.equals(EventTypes.REFERRAL_STATE_CHANGED) ? null
                                : referral.routingRule, reason, note, referral.submittedAt, referral.updatedAt));
    }

    private static String name(String agencyId) {
        return Agency.<Agency>findByIdOptional(agencyId).map(agency -> agency.name).orElse(agencyId);
    }
}
