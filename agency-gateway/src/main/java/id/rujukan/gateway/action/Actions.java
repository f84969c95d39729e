package id.rujukan.gateway.action;

import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.gateway.api.Problems;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.gateway.readmodel.ReferralViews;
import id.rujukan.gateway.submission.IntakeEvents;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An agency acts on a referral, whether its system calls the API or an officer taps a button on the mobile
 * page: who may act and whether the referral's state allows it are checked here (403, 404, 409, 400 as
 * problems), then the action is recorded on Kafka for referral-service to apply.
 */
@ApplicationScoped
public class Actions {

    private static final Set<String> AWAITING_ANSWER = Set.of("ROUTED", "RECEIVED");
    private static final Set<String> UNDER_WAY = Set.of("ACCEPTED", "IN_PROGRESS");
    private static final Set<String> OPEN = Set.of("REQUESTED", "ROUTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS");
    /** From which states each action may be taken. */
    private static final Map<ReferralAction, Set<String>> ALLOWED_FROM = Map.of(
            ReferralAction.ACKNOWLEDGE, Set.of("ROUTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS"),
            ReferralAction.ACCEPT, AWAITING_ANSWER,
            ReferralAction.DECLINE, AWAITING_ANSWER,
            ReferralAction.PROGRESS, UNDER_WAY,
            ReferralAction.COMPLETE, UNDER_WAY,
            ReferralAction.CANCEL, OPEN);

    private final ReferralViews views;
    private final IntakeEvents events;
    private final DataSealer sealer;
    private final AuditTrail audit;
    private final Clock clock;

    public Actions(ReferralViews views, IntakeEvents events, DataSealer sealer, AuditTrail audit, Clock clock) {
        this.views = views;
        this.events = events;
        this.clock = clock;
        this.sealer = sealer;
        this.audit = audit;
    }

    /** True if {@code agency} may take {@code action} on the referral as it stands. */
    public boolean may(ReferralAction action, ReferralView view, String agency) {
        return refusal(action, view, agency).isEmpty();
    }

    /**
     * Checks the action and records it, with its audit entry, in the caller's transaction (or one of its
     * own): the outbox sends it to referral-service once that commits.
     *
     * @param agency the acting agency, from the caller's token
     * @param actor the acting client or user
     */
    @Transactional
    public ActionAccepted act(String agency, String actor, String id, ReferralAction action, ActionRequest given) {
        UUID referralId = views.requireParty(id, agency);
        ReferralView view = ReferralView.findById(referralId);
        ActionRequest body = given == null ? ActionRequest.EMPTY : given;
        check(action, view, agency, body);
        ReferralActionRequested requested = new ReferralActionRequested(UUID.randomUUID().toString(),
                referralId.toString(), action, agency, actor, body.reasonCode(), body.outcomeCode(),
                body.milestone(), body.note() == null ? null : sealer.seal(referralId, body.note()), clock.instant());
        events.actionRequested(requested);
        if (body.note() != null) {
            audit.record("WRITE_NOTE", referralId, action.name());
        }
        return new ActionAccepted(requested.actionId(), referralId.toString(), action.name(), view.state);
    }

    /** Why {@code agency} may not take {@code action} now (403, or 409 naming the state), if it may not. */
    private static Optional<RuntimeException> refusal(ReferralAction action, ReferralView view, String agency) {
        boolean target = agency.equals(view.targetAgencyId);
        boolean referrer = agency.equals(view.referringAgencyId);
        if (action == ReferralAction.CANCEL ? !referrer : action != ReferralAction.NOTE && !target) {
            return Optional.of(new ForbiddenException("agency " + agency + " may not " + verb(action)
                    + " this referral: only "
                    + (action == ReferralAction.CANCEL ? "the referrer" : "the agency it is addressed to") + " may"));
        }
        Set<String> allowed = ALLOWED_FROM.get(action);
        if (allowed != null && !allowed.contains(view.state)) {
            return Optional.of(HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail("cannot " + verb(action) + " a referral that is " + view.state)
                    .with("currentState", view.state).build());
        }
        return Optional.empty();
    }

    private static void check(ReferralAction action, ReferralView view, String agency, ActionRequest body) {
        Optional<RuntimeException> refused = refusal(action, view, agency);
        if (refused.isPresent()) {
            throw refused.get();
        }
        if (action == ReferralAction.DECLINE && body.reasonCode() == null) {
            throw Problems.badRequest("reasonCode", "a decline needs a reason code");
        }
        if (action == ReferralAction.COMPLETE && body.outcomeCode() == null) {
            throw Problems.badRequest("outcomeCode", "a completion needs an outcome code");
        }
        if (action == ReferralAction.NOTE && (body.note() == null || body.note().isBlank())) {
            throw Problems.badRequest("note", "a note needs text");
        }
    }

    private static String verb(ReferralAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
