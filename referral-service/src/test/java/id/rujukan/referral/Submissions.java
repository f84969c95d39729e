package id.rujukan.referral;

import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Sex;
import id.rujukan.contract.Urgency;
import java.time.Instant;
import java.util.UUID;

/** Submissions and actions as the gateway would publish them. */
final class Submissions {

    static final Region OKU_TIMUR = new Region("16", "16.08");

    private Submissions() {
    }

    static ReferralSubmitted infantOfDetainee(String targetAgencyId, Region region) {
        return referral("rutan-martapura", targetAgencyId, null, CaseCategory.CHILD_OF_DETAINEE, Urgency.HIGH, region,
                AgeBand.INFANT_UNDER_1);
    }

    /** A child in conflict with the law, referred by the police's PPA unit in OKU Timur, left to routing. */
    static ReferralSubmitted childInConflictWithTheLaw() {
        return referral("polres-okutimur-ppa", null, null, CaseCategory.CHILD_IN_CONFLICT_WITH_LAW, Urgency.HIGH,
                OKU_TIMUR, AgeBand.ADOLESCENT_12_TO_17);
    }

    static ReferralSubmitted referral(String from, String to, ServiceNeeded service, CaseCategory category,
            Urgency urgency, Region region, AgeBand ageBand) {
        String id = UUID.randomUUID().toString();
        return new ReferralSubmitted(id, ReferralKind.REFERRAL, id, from, to, service, category, urgency, region,
                ageBand, Sex.FEMALE, sealed(id), Instant.now());
    }

    static ReferralSubmitted handoff(String caseId, String from, String to) {
        String id = UUID.randomUUID().toString();
        return new ReferralSubmitted(id, ReferralKind.HANDOFF, caseId, from, to, ServiceNeeded.TEMPORARY_CARE,
                CaseCategory.NEGLECT, Urgency.NORMAL, OKU_TIMUR, AgeBand.CHILD_5_TO_11, Sex.MALE, sealed(caseId),
                Instant.now());
    }

    static ReferralActionRequested action(ReferralSubmitted referral, ReferralAction action, String agencyId) {
        return action(referral.referralId(), action, agencyId, null, null, null);
    }

    static ReferralActionRequested action(String referralId, ReferralAction action, String agencyId,
            String reasonCode, String outcomeCode, String milestone) {
        return new ReferralActionRequested(UUID.randomUUID().toString(), referralId, action, agencyId,
                "officer-" + agencyId, reasonCode, outcomeCode, milestone, null, Instant.now());
    }

    private static SealedData sealed(String caseId) {
        return new SealedData(caseId, "A256GCM", "bm9uY2Vub25jZTE=", "c2VhbGVkIGNoaWxkIGRhdGE=");
    }
}
