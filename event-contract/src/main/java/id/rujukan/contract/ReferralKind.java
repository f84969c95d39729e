package id.rujukan.contract;

/**
 * A referral asks another agency for a service; a handoff asks it to take over responsibility for the
 * whole case, which moves only when the receiving agency accepts.
 */
public enum ReferralKind {
    REFERRAL, HANDOFF
}
