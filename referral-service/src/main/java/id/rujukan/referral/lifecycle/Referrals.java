package id.rujukan.referral.lifecycle;

import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.ReferralRouted;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.Outbox;
import id.rujukan.referral.directory.Agency;
import id.rujukan.referral.routing.Router;
import id.rujukan.referral.routing.RoutingDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The lifecycle of referrals: every change of state is stored with its history row and the events that
 * tell the others, in one transaction.
 */
@ApplicationScoped
public class Referrals {

    static final String DUTY_OFFICER = "DUTY_OFFICER";
    static final String EMAIL = "EMAIL";
    static final String TEMPLATE_NEW_REFERRAL = "referral-new";

    private final Router router;
    private final Outbox outbox;

    public Referrals(Router router, Outbox outbox) {
        this.router = router;
        this.outbox = outbox;
    }

    /**
     * Takes in a submitted referral and routes it. Does nothing if the referral is already known, so a
     * submission published twice is stored once.
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
        Referral referral = new Referral();
        referral.id = id;
        referral.version = 1;
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
        referral.updatedAt = Instant.now();
        referral.persist();
        record(referral, submitted.referringAgencyId(), null, "submitted");

        RoutingDecision decision = router.route(submitted);
        referral.routingRule = decision.rule();
        if (decision.agency().isEmpty()) {
            changeState(referral, ReferralState.FAILED, CloudEventAttributes.SYSTEM, decision.reason());
            publishRouting(referral, EventTypes.REFERRAL_ROUTING_FAILED, decision);
            return;
        }
        Agency target = decision.agency().get();
        referral.targetAgencyId = target.id;
        changeState(referral, ReferralState.ROUTED, CloudEventAttributes.SYSTEM, decision.reason());
        publishRouting(referral, EventTypes.REFERRAL_ROUTED, decision);
        String key = String.join(":", referral.id.toString(), "routed", DUTY_OFFICER, EMAIL);
        outbox.add(Topics.NOTIFICATION_REQUESTS, referral.id.toString(), EventTypes.NOTIFICATION_REQUESTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, referral.updatedAt,
                new NotificationRequested(key, referral.id.toString(), target.id, DUTY_OFFICER, EMAIL,
                        TEMPLATE_NEW_REFERRAL, referral.referringAgencyId, referral.category, referral.urgency));
    }

    private void changeState(Referral referral, ReferralState to, String actor, String reason) {
        ReferralState from = referral.state;
        referral.state = to;
        referral.version++;
        referral.updatedAt = Instant.now();
        record(referral, actor, from, reason);
    }

    private void record(Referral referral, String actor, ReferralState from, String reason) {
        HistoryEntry entry = new HistoryEntry();
        entry.referralId = referral.id;
        entry.at = referral.updatedAt;
        entry.actor = actor;
        entry.fromState = from;
        entry.toState = referral.state;
        entry.reason = reason;
        entry.persist();
    }

    private void publishRouting(Referral referral, String type, RoutingDecision decision) {
        outbox.add(Topics.REFERRAL_LIFECYCLE, referral.id.toString(), type,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, referral.updatedAt,
                new ReferralRouted(referral.id.toString(), referral.version, referral.referringAgencyId,
                        referral.targetAgencyId, referral.category, referral.urgency, referral.state.name(),
                        decision.rule(), decision.reason(), referral.submittedAt, referral.updatedAt));
    }
}
