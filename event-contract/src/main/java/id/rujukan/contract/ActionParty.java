package id.rujukan.contract;

/** How an agency stands to a referral: the one that referred it, the one it is addressed to, or one that was. */
public enum ActionParty {
    REFERRER, TARGET, FORMER_TARGET
}
