package id.rujukan.referral.lifecycle;

/**
 * States of a referral, compatible with HL7 FHIR Task status: requested → routed → received →
 * accepted | declined → in-progress → completed, plus cancelled, failed and expired.
 */
public enum ReferralState {
    REQUESTED, ROUTED, RECEIVED, ACCEPTED, DECLINED, IN_PROGRESS, COMPLETED, CANCELLED, FAILED, EXPIRED
}
