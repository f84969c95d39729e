package id.rujukan.referral.grant;

import id.rujukan.contract.CaseErased;
import id.rujukan.contract.CaseKeyDestroyed;
import id.rujukan.contract.CaseKeyGranted;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.InvalidEventException;
import id.rujukan.messaging.Outbox;
import id.rujukan.referral.lifecycle.CareCase;
import id.rujukan.referral.lifecycle.Referral;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Passes on, unchanged and with their signatures, what the holders of a case's key tell each other through this
 * service, which cannot open any of it: a case key granted by a referral's referrer, only to a target of that
 * referral, now or before, so that no gateway can hand a child's data to an agency the case was never referred to
 * (the grantee's gateway checks that the referrer signed it); a case's erasure, by the agency responsible for it, to
 * every other party of the case; each party's confirmation that it destroyed its key, to the others. Anything else
 * is refused, to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class GrantRelay {

    private final Outbox outbox;

    public GrantRelay(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param grant the grant, read and its signature checked; {@code cloudEvent} and {@code payload} as they came */
    @Transactional(Transactional.TxType.MANDATORY)
    public void passOn(CaseKeyGranted grant, IncomingCloudEventMetadata<String> cloudEvent, String payload) {
        Referral referral = Referral.findById(uuid(grant.referralId()));
        if (referral == null) {
            throw refused(grant, "referral " + grant.referralId() + " is not known");
        }
        if (!referral.caseId.equals(grant.caseId())) {
            throw refused(grant, "referral " + grant.referralId() + " is not of case " + grant.caseId());
        }
        if (!referral.referringAgencyId.equals(grant.granterAgencyId())) {
            throw refused(grant, "agency " + grant.granterAgencyId() + " is not the referrer of referral "
                    + grant.referralId());
        }
        if (!grant.granteeAgencyId().equals(referral.targetAgencyId)
                && !referral.formerTargets.contains(grant.granteeAgencyId())) {
            throw refused(grant, "agency " + grant.granteeAgencyId() + " is not a target of referral "
                    + grant.referralId() + ", now or before");
        }
        if (!cloudEvent.getSubject().map(grant.referralId()::equals).orElse(false)) {
            throw refused(grant, "its subject is not its referral");
        }
        outbox.forward(Topics.lifecycle(grant.granteeAgencyId()), cloudEvent, payload);
        Log.infof("Case key of referral %s granted by %s to %s: passed on", grant.referralId(),
                grant.granterAgencyId(), grant.granteeAgencyId());
    }

    /**
     * Passes a case's erasure, by the agency responsible for it, on to every other party agency of the case's
     * referrals, so that each destroys its key of the case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void passOn(CaseErased erased, IncomingCloudEventMetadata<String> cloudEvent, String payload) {
        CareCase careCase = CareCase.findById(erased.caseId());
        if (careCase == null) {
            throw new InvalidEventException("the erasure of case " + erased.caseId() + " is refused: no such case");
        }
        if (!careCase.ownerAgencyId.equals(erased.agencyId())) {
            throw new InvalidEventException("the erasure of case " + erased.caseId() + " is refused: agency "
                    + erased.agencyId() + " is not responsible for it");
        }
        Set<String> parties = parties(erased.caseId());
        parties.remove(erased.agencyId());
        passOn(parties, cloudEvent, payload);
        Log.infof("Erasure of case %s by %s: passed on to %d parties", erased.caseId(), erased.agencyId(),
                parties.size());
    }

    /** Passes a party's confirmation that it destroyed its key of an erased case on to the case's other parties. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void passOn(CaseKeyDestroyed destroyed, IncomingCloudEventMetadata<String> cloudEvent, String payload) {
        Set<String> parties = parties(destroyed.caseId());
        if (!parties.remove(destroyed.agencyId())) {
            throw new InvalidEventException("the confirmation of agency " + destroyed.agencyId() + " for case "
                    + destroyed.caseId() + " is refused: it is not a party to the case");
        }
        passOn(parties, cloudEvent, payload);
    }

    /** Every agency that was ever a party to a referral of the case: each may hold its key. */
    private static Set<String> parties(String caseId) {
        Set<String> parties = new TreeSet<>();
        for (Referral referral : Referral.<Referral>list("caseId", caseId)) {
            parties.add(referral.referringAgencyId);
            if (referral.targetAgencyId != null) {
                parties.add(referral.targetAgencyId);
            }
            parties.addAll(referral.formerTargets);
        }
        return parties;
    }

    private void passOn(Set<String> agencies, IncomingCloudEventMetadata<String> cloudEvent, String payload) {
        for (String agency : agencies) {
            outbox.forward(Topics.lifecycle(agency), cloudEvent, payload);
        }
    }

    private static UUID uuid(String referralId) {
        try {
            return UUID.fromString(referralId);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("a case key grant for referral " + referralId + ", which is not an id");
        }
    }

    private static InvalidEventException refused(CaseKeyGranted grant, String why) {
        return new InvalidEventException("the case key grant of referral " + grant.referralId() + " to agency "
                + grant.granteeAgencyId() + " is refused: " + why);
    }
}
