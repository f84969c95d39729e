package id.rujukan.referral.lifecycle;

/** What a line of the timeline records. */
public enum HistoryKind {
    SUBMITTED, ROUTING, TRANSITION, ESCALATION, NOTE, REFUSED
}
