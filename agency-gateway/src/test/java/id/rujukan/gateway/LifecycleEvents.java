package id.rujukan.gateway;

import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Urgency;
import java.time.Instant;

/** Lifecycle events as referral-service publishes them. */
final class LifecycleEvents {

    private LifecycleEvents() {
    }

    static ReferralStateChanged routed(String referralId, long version, String state, CaseCategory category,
            Urgency urgency, String reason) {
        return new ReferralStateChanged(referralId, version, ReferralKind.REFERRAL, referralId, "rutan-martapura",
                "dinsos-1608", null, "rutan-martapura", category, urgency, "REQUESTED", state, null,
                CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, null, "named-by-referrer", reason, null,
                Instant.now(), Instant.now());
    }
}
