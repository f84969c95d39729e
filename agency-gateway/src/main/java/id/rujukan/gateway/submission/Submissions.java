package id.rujukan.gateway.submission;

import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.readmodel.ReferralViews;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Where a referral enters Rujukan: a submission or a handoff, checked, the child's data sealed, and the
 * event, the audit entry and the read model written in the caller's one transaction.
 */
@ApplicationScoped
public class Submissions {

    /** Age bands are counted on the calendar of Indonesia's western zone, where most agencies are. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final DataSealer sealer;
    private final IntakeEvents events;
    private final ReferralViews views;
    private final AuditTrail audit;
    private final Clock clock;

    public Submissions(DataSealer sealer, IntakeEvents events, ReferralViews views, AuditTrail audit, Clock clock) {
        this.sealer = sealer;
        this.events = events;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Submits a referral or a handoff in the name of {@code callerAgencyId}.
     *
     * @param referralId its id: from the Idempotency-Key, the same for every retry of one request
     * @param caseId the case handed off, or {@code null} for a referral, which opens a case of its own
     * @throws ForbiddenException if the body names another agency as the referrer
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralSubmitted submit(String callerAgencyId, UUID referralId, ReferralKind kind, String caseId,
            SubmitReferral body) {
        if (!callerAgencyId.equals(body.referringAgencyId())) {
            throw new ForbiddenException("agency " + callerAgencyId + " can refer only in its own name, not as "
                    + body.referringAgencyId());
        }
        Instant now = clock.instant();
        ReferralSubmitted submitted = new ReferralSubmitted(referralId.toString(), kind,
                caseId == null ? referralId.toString() : caseId, body.referringAgencyId(),
                body.targetAgencyId(), body.serviceNeeded(), body.category(), body.urgency(),
                new Region(body.childRegion().provinceCode(), body.childRegion().regencyCode()),
                AgeBands.of(body.child().birthDate(), LocalDate.ofInstant(now, WIB)), body.child().sex(),
                sealer.seal(caseId == null ? referralId : UUID.fromString(caseId),
                        new ProtectedDetails(body.child(), body.consent(), body.summary())), now);
        events.submitted(submitted);
        audit.record(kind == ReferralKind.HANDOFF ? "SUBMIT_HANDOFF" : "SUBMIT", referralId, null);
        views.submitted(submitted);
        return submitted;
    }
}
