package id.rujukan.gateway.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.ActionCodes;
import id.rujukan.contract.ActionParty;
import id.rujukan.contract.AllowedAction;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.guard.Parties;
import id.rujukan.gateway.problem.Problems;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An agency acts on a referral, whether its system calls the API or an officer taps a button on the mobile
 * page. Who may act and whether the referral's state allows it are checked against what referral-service
 * published with the referral's latest change (its lifecycle rules; 403, 409, 400 as problems), then the
 * action is recorded on Kafka for referral-service to apply. Before the first change has arrived there is
 * nothing to check against, and referral-service decides alone (a refusal then shows in the timeline).
 */
@ApplicationScoped
public class Actions {

    private static final TypeReference<List<AllowedAction>> ALLOWED = new TypeReference<>() {
    };
    /** Every field an action may be asked to carry: whether an action may be offered does not depend on them. */
    private static final List<String> REQUIRABLE = List.of("reasonCode", "outcomeCode", "note", "officerInCharge");

    private final Parties parties;
    private final IntakeEvents events;
    private final DataSealer sealer;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final ReferralViews views;

    public Actions(Parties parties, IntakeEvents events, DataSealer sealer, AuditTrail audit, Clock clock,
            ObjectMapper json, ReferralViews views) {
        this.views = views;
        this.parties = parties;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.sealer = sealer;
        this.audit = audit;
    }

    /**
     * Only a supervisor, a head or the agency's system may act on behalf of an officer or put another officer in
     * charge: 403 for anyone else, wherever the action comes from (the API or the console).
     */
    public static void requireMayActForOthers(boolean actsForOthers, ReferralAction action, ActionRequest body) {
        boolean forOthers = action == ReferralAction.REASSIGN || body != null && body.onBehalfOf() != null;
        if (forOthers && !actsForOthers) {
            throw new ForbiddenException("only a supervisor, a head or the agency's system may "
                    + (action == ReferralAction.REASSIGN ? "put another officer in charge" : "act on behalf of an officer"));
        }
    }

    /** True if {@code agency} may take {@code action} on the referral as it stands. */
    public boolean may(ReferralAction action, ReferralView view, String agency) {
        return refusal(action, view, agency, Set.copyOf(REQUIRABLE)).isEmpty();
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
        UUID referralId = parties.requireParty(id, agency);
        ReferralView view = ReferralView.findById(referralId);
        ActionRequest body = given == null ? ActionRequest.EMPTY : given;
        check(action, view, agency, body);
        ReferralActionRequested requested = new ReferralActionRequested(UUID.randomUUID().toString(),
                referralId.toString(), action, agency, actor, body.reasonCode(), body.outcomeCode(),
                body.milestone(), body.note() == null ? null : sealer.seal(caseOf(referralId), body.note()), clock.instant(),
                body.onBehalfOf(), body.officerInCharge());
        events.actionRequested(requested);
        if (body.note() != null) {
            audit.record("WRITE_NOTE", referralId, action.name());
        }
        return new ActionAccepted(requested.actionId(), referralId.toString(), action.name(), view.state);
    }

    /** A note is sealed with its case's key, the one its referral's details are sealed with. */
    private UUID caseOf(UUID referralId) {
        return UUID.fromString(views.caseOf(referralId).orElse(referralId.toString()));
    }

    /** Why {@code agency} may not take {@code action} now (403, 409 naming the state, 400 naming the field). */
    private Optional<RuntimeException> refusal(ReferralAction action, ReferralView view, String agency,
            Set<String> given) {
        if (view.allowedActions == null) {
            return Optional.empty();
        }
        Set<ActionParty> parties = EnumSet.noneOf(ActionParty.class);
        if (agency.equals(view.referringAgencyId)) {
            parties.add(ActionParty.REFERRER);
        }
        if (agency.equals(view.targetAgencyId)) {
            parties.add(ActionParty.TARGET);
        }
        if (parties.isEmpty()) {
            parties.add(ActionParty.FORMER_TARGET); // a party (checked before), neither referrer nor target
        }
        return AllowedAction.refusal(allowedActions(view), parties, action, given, view.state).map(refused ->
                switch (refused.kind()) {
                    case NOT_YOURS -> new ForbiddenException("agency " + agency + " may not " + verb(action)
                            + " this referral: " + refused.message());
                    case NOT_NOW -> HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                            .withDetail(refused.message()).with("currentState", view.state).build();
                    case MISSING_FIELD -> Problems.badRequest(refused.field(), refused.message());
                });
    }

    private List<AllowedAction> allowedActions(ReferralView view) {
        try {
            return json.readValue(view.allowedActions, ALLOWED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable allowed actions of referral " + view.id, e);
        }
    }

    private void check(ReferralAction action, ReferralView view, String agency, ActionRequest body) {
        // the API's bodies are checked on the way in; the console's forms are checked here, the same way
        requireUserName("onBehalfOf", body.onBehalfOf());
        requireUserName("officerInCharge", body.officerInCharge());
        Optional<ActionCodes.Unknown> unknown = ActionCodes.unknown(action, body.reasonCode(), body.outcomeCode(),
                body.milestone());
        if (unknown.isPresent()) {
            throw Problems.badRequest(unknown.get().field(), unknown.get().message());
        }
        Optional<RuntimeException> refused = refusal(action, view, agency, AllowedAction.given(body.reasonCode(),
                body.outcomeCode(), body.note() != null && !body.note().isBlank(), body.officerInCharge()));
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    private static void requireUserName(String field, String value) {
        if (value != null && (value.length() > 128 || !value.matches(ReferralActionRequested.USER_ID))) {
            throw Problems.badRequest(field, "must be a user name");
        }
    }

    private static String verb(ReferralAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
