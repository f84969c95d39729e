package id.rujukan.referral;

import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.Region;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.Sex;
import id.rujukan.contract.Urgency;
import java.time.Instant;
import java.util.UUID;

/** Submissions as the gateway would publish them. */
final class Submissions {

    private Submissions() {
    }

    static ReferralSubmitted infantOfDetainee(String targetAgencyId, Region region) {
        String id = UUID.randomUUID().toString();
        return new ReferralSubmitted(id, "rutan-martapura", targetAgencyId, null, CaseCategory.CHILD_OF_DETAINEE,
                Urgency.HIGH, region, AgeBand.INFANT_UNDER_1, Sex.FEMALE,
                new SealedData(id, "A256GCM", "bm9uY2Vub25jZTE=", "c2VhbGVkIGNoaWxkIGRhdGE="), Instant.now());
    }
}
