package id.rujukan.referral.grant;

import id.rujukan.contract.CaseKeyGranted;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.InvalidEventException;
import id.rujukan.messaging.Outbox;
import id.rujukan.referral.lifecycle.Referral;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Passes a case key granted by a referral's referrer on to the agency it is for: only to a target of that referral,
 * now or before, so that no gateway can hand a child's data to an agency the case was never referred to. The grant
 * goes on unchanged, with its signature (this service cannot open it, and the grantee's gateway checks that the
 * referrer signed it); anything else is refused, to the dead-letter topic with the reason.
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
