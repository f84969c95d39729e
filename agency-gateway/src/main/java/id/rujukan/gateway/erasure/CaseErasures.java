package id.rujukan.gateway.erasure;

import id.rujukan.contract.CaseErased;
import id.rujukan.contract.CaseKeyDestroyed;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.readmodel.ReferralViews;
import id.rujukan.gateway.readmodel.Timeline;
import id.rujukan.messaging.InvalidEventException;
import id.rujukan.messaging.Outbox;
import id.rujukan.messaging.ReceivedEvent;
import id.rujukan.messaging.Writes;
import id.rujukan.messaging.signing.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An erased case's key destroyed at every holder, not only where it was erased. The gateway of the agency
 * responsible for the case erases its own key and tells the others ({@link CaseErased}, passed on by referral-service
 * to every other party of the case's referrals); each party's gateway destroys its key of the case, bars a grant
 * still on its way, and confirms ({@link CaseKeyDestroyed}), which every party sees in the timeline of its referrals
 * of the case.
 */
@ApplicationScoped
public class CaseErasures {

    private final SigningKeys actsFor;
    private final DataSealer sealer;
    private final ReferralViews views;
    private final Outbox outbox;
    private final Timeline timeline;
    private final EntityManager entityManager;
    private final Clock clock;

    public CaseErasures(SigningKeys actsFor, DataSealer sealer, ReferralViews views, Outbox outbox,
            Timeline timeline, EntityManager entityManager, Clock clock) {
        this.actsFor = actsFor;
        this.sealer = sealer;
        this.views = views;
        this.outbox = outbox;
        this.timeline = timeline;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The agency responsible for the case erased it here: every other holder of its key is told. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erasedHere(String caseId, String agencyId) {
        Instant at = clock.instant();
        UUID eventId = outbox.add(Topics.intake(agencyId, Urgency.NORMAL), caseId, EventTypes.CASE_ERASED,
                CloudEventAttributes.SOURCE_AGENCY_GATEWAY, agencyId, at, new CaseErased(caseId, agencyId, at));
        onEachReferral(caseId, eventId.toString(), "ERASED", agencyId, at, "case data erased by " + agencyId);
    }

    /**
     * Another agency erased a case that {@code party}, an agency this gateway acts for, is a party to (the erasure
     * came on its lifecycle topic): its key of the case is destroyed and barred, and the destruction confirmed once.
     *
     * @throws InvalidEventException if this gateway does not act for {@code party}, or the erasure speaks for
     *         another agency than the one that signed it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(ReceivedEvent<CaseErased> event, String party) {
        CaseErased erased = event.data();
        if (!actsFor.holds(party)) {
            throw new InvalidEventException("the erasure of case " + erased.caseId() + " came for agency " + party
                    + ", which this gateway does not act for");
        }
        if (!event.agencyId().equals(erased.agencyId())) {
            throw new InvalidEventException("the erasure of case " + erased.caseId() + " was signed by agency "
                    + event.agencyId() + ", not by the agency that erased it");
        }
        UUID caseKey;
        try {
            caseKey = UUID.fromString(erased.caseId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("the erasure names case " + erased.caseId() + ", which is not an id");
        }
        sealer.eraseForGood(caseKey);
        for (UUID referral : views.referralsOfCase(erased.caseId())) {
            // keys of referrals sealed before keys were per case
            sealer.erase(referral);
        }
        Instant at = clock.instant();
        boolean first = Writes.update(entityManager, """
                insert into case_erasure (case_id, agency_id, erasure_id, destroyed_at) values (?, ?, ?, ?)
                on conflict do nothing""", erased.caseId(), party, event.id(), at) == 1;
        if (!first) {
            return;
        }
        onEachReferral(erased.caseId(), event.id(), "ERASED", erased.agencyId(), erased.at(),
                "case data erased by " + erased.agencyId());
        UUID confirmation = outbox.add(Topics.intake(party, Urgency.NORMAL), erased.caseId(),
                EventTypes.CASE_KEY_DESTROYED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY, party, at,
                new CaseKeyDestroyed(erased.caseId(), party, event.id(), at));
        onEachReferral(erased.caseId(), confirmation.toString(), "KEY_DESTROYED", party, at,
                "case key destroyed at " + party);
    }

    /** Another party confirmed it destroyed its key of an erased case: the timeline of each referral says so. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmed(ReceivedEvent<CaseKeyDestroyed> event) {
        CaseKeyDestroyed destroyed = event.data();
        if (!event.agencyId().equals(destroyed.agencyId())) {
            throw new InvalidEventException("the confirmation for case " + destroyed.caseId()
                    + " was signed by agency " + event.agencyId() + ", not by the agency it speaks for");
        }
        onEachReferral(destroyed.caseId(), event.id(), "KEY_DESTROYED", destroyed.agencyId(), destroyed.at(),
                "case key destroyed at " + destroyed.agencyId());
    }

    /** One line on each referral of the case known here; each line's id is the event's and the referral's. */
    private void onEachReferral(String caseId, String eventId, String kind, String agencyId, Instant at,
            String detail) {
        for (UUID referral : views.referralsOfCase(caseId)) {
            timeline.add(eventId + ":" + referral, referral, new Timeline.Entry(at, kind, agencyId,
                    CloudEventAttributes.SYSTEM, null, null, detail));
        }
    }
}
