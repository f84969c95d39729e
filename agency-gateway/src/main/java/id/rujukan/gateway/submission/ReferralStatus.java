package id.rujukan.gateway.submission;

import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.Urgency;
import id.rujukan.gateway.readmodel.ReferralView;
import java.time.Instant;

/**
 * A referral as {@code GET /api/v1/referrals/{id}} shows it. No personal data of the child.
 *
 * @param overdue an escalation fired and no answer has come since
 * @param routingReason why it went where it went, e.g. "routed to Dinas Sosial ... by rule ..."
 * @param respondBy the deadline the target has to meet next (acknowledge while routed, accept or decline once
 *        received, report progress once accepted), or {@code null}
 * @param officerInCharge the target's officer in charge once accepted (a user name), or {@code null}
 */
public record ReferralStatus(String referralId, String state, long version, String referringAgencyId,
        String targetAgencyId, CaseCategory category, Urgency urgency, boolean overdue, String routingRule,
        String routingReason, Instant submittedAt, Instant updatedAt, Instant respondBy, String officerInCharge) {

    public static ReferralStatus of(ReferralView view) {
        return new ReferralStatus(view.id.toString(), view.state, view.version, view.referringAgencyId,
                view.targetAgencyId, view.category, view.urgency, view.overdue, view.routingRule, view.routingReason,
                view.submittedAt, view.updatedAt, view.respondBy(), view.officerInCharge);
    }
}
