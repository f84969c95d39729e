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
 */
public record AlertFacts(String template, String level, String referralId, String caseReference, CaseCategory category, Urgency urgency,
        String referringAgencyName, String targetAgencyName, String recipientName, String link) {

    /** The same facts with the agencies named otherwise (shorter, for an SMS). */
    public AlertFacts withNames(String referring, String target) {
        return new AlertFacts(template, level, referralId, caseReference, category, urgency, referring, target,
                recipientName, link);
    }
}
