package id.rujukan.notification.template;

import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.Urgency;

/**
 * What an alert may say. Nothing here identifies the child: the case is named by its reference only.
 *
 * @param caseReference short reference officers can read out on the phone
 * @param link where the recipient opens the referral: a signed link to the gateway's mobile page
 * @param template what the alert is about, e.g. {@code referral-escalation}
 * @param level for an escalation, its level ({@code SUPERVISOR}, {@code PROVINCE}...), else {@code null}
 * @param gap for an alert about a gap in the agency's roster ({@code roster-gap}), its hours; the referral's facts
 *        are then {@code null} and {@code link} is the console's admin page
 */
public record AlertFacts(String template, String level, String referralId, String caseReference, CaseCategory category,
        Urgency urgency, String referringAgencyName, String targetAgencyName, String recipientName, String link,
        GapHours gap) {

    /** An alert about a referral. */
    public AlertFacts(String template, String level, String referralId, String caseReference, CaseCategory category,
            Urgency urgency, String referringAgencyName, String targetAgencyName, String recipientName, String link) {
        this(template, level, referralId, caseReference, category, urgency, referringAgencyName, targetAgencyName,
                recipientName, link, null);
    }

    /** An alert to people at {@code agencyName} about a gap in its roster. */
    public static AlertFacts rosterGap(String agencyName, String recipientName, GapHours gap, String link) {
        return new AlertFacts("roster-gap", null, null, null, null, null, agencyName, agencyName, recipientName, link,
                gap);
    }

    /** The same facts with the agencies named otherwise (shorter, for an SMS). */
    public AlertFacts withNames(String referring, String target) {
        return new AlertFacts(template, level, referralId, caseReference, category, urgency, referring, target,
                recipientName, link, gap);
    }
}
