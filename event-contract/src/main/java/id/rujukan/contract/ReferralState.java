package id.rujukan.contract;

/**
 * States of a referral, compatible with HL7 FHIR Task status: requested → routed → received →
 * accepted | declined → in-progress → completed, plus cancelled and failed (no agency found).
 * referral-service moves a referral between them; every other reader follows its events.
 */
public enum ReferralState {
    REQUESTED, ROUTED, RECEIVED, ACCEPTED, DECLINED, IN_PROGRESS, COMPLETED, CANCELLED, FAILED
}
