package id.rujukan.contract;

/**
 * What an agency can do to a referral. {@code RECEIVE} is the technical acknowledgement (a webhook push
 * the agency's system answered, or the referral read from the inbox); {@code ACKNOWLEDGE} is an officer
 * confirming receipt. Both stop the "received within" clock. {@code REASSIGN} names another officer in charge of
 * an accepted referral (a supervisor's or head's to take, or the agency's system's).
 */
public enum ReferralAction {
    RECEIVE, ACKNOWLEDGE, ACCEPT, DECLINE, PROGRESS, COMPLETE, CANCEL, NOTE, REASSIGN
}
