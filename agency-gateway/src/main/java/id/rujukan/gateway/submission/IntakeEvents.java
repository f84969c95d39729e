package id.rujukan.gateway.submission;

import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.OfficerDeparted;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.RosterChanged;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Puts what agencies do (submissions, actions, rosters) on the intake topics (an emergency's on the urgent one), through the gateway's outbox: the
 * event is written in the caller's transaction, beside the idempotency record, the case key, the audit
 * entry and the read model, and the relay sends it once that transaction has committed. So an agency is
 * told "accepted" only once the referral is on disk with fsync and cannot be lost, and no worker thread
 * waits for Kafka meanwhile; if Kafka is away, the referral waits in the outbox instead of being refused.
 */
@ApplicationScoped
public class IntakeEvents {

    private final Outbox outbox;

    public IntakeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(ReferralSubmitted submitted) {
        outbox.add(Topics.intake(submitted.referringAgencyId(), submitted.urgency()), submitted.referralId(),
                EventTypes.REFERRAL_SUBMITTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY,
                submitted.referringAgencyId(), submitted.submittedAt(), submitted);
    }

    /** An agency admin's new roster, keyed by the agency: referral-service keeps it in the directory. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rosterChanged(RosterChanged changed) {
        outbox.add(Topics.intake(changed.agencyId(), Urgency.NORMAL), changed.agencyId(), EventTypes.ROSTER_CHANGED,
                CloudEventAttributes.SOURCE_AGENCY_GATEWAY, changed.agencyId(), changed.changedAt(), changed);
    }

    /** An officer an agency's admin recorded as gone, keyed by the agency: referral-service takes them off referrals. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void officerDeparted(OfficerDeparted departed) {
        outbox.add(Topics.intake(departed.agencyId(), Urgency.NORMAL), departed.agencyId(),
                EventTypes.OFFICER_DEPARTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY, departed.agencyId(),
                departed.departedAt(), departed);
    }

    /**
     * An agency's action on a referral, keyed by the referral, on the agency's own intake topic of the referral's
     * urgency: a referrer's action follows its submission on the same partition, and a target acts only on what it
     * was sent. The gateway knows every referral an agency may act on (its read model).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void actionRequested(ReferralActionRequested action) {
        ReferralView referral = ReferralView.findById(UUID.fromString(action.referralId()));
        outbox.add(Topics.intake(action.agencyId(), referral.urgency), action.referralId(),
                EventTypes.REFERRAL_ACTION_REQUESTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY, action.agencyId(),
                action.requestedAt(), action);
    }
}
