package id.rujukan.contract;

/** What the child needs from the receiving agency; routing chooses an agency that offers it. */
public enum ServiceNeeded {
    TEMPORARY_CARE, LEGAL_AID, PSYCHOSOCIAL_SUPPORT, SOCIAL_ASSISTANCE, HEALTH, FAMILY_TRACING, REHABILITATION
}
