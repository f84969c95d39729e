package id.rujukan.gateway.console;

import jakarta.ws.rs.FormParam;

/**
 * What the new-referral form posts, every field as typed: checked by {@link NewReferrals}, and shown again as
 * typed beside its message when something is wrong. {@code key} is made when the form is shown, so a second
 * press of the button (or a resend after a dropped connection) is the same referral, not a second one.
 */
public class NewReferralForm {

    @FormParam("key")
    public String key;

    /** The case handed over, for a handoff; empty for a new referral. */
    @FormParam("caseId")
    public String caseId;

    /** {@code preview} to see where routing would send it, anything else to send it. */
    @FormParam("step")
    public String step;

    @FormParam("childName")
    public String childName;

    @FormParam("childNik")
    public String childNik;

    @FormParam("childBirthDate")
    public String childBirthDate;

    @FormParam("childSex")
    public String childSex;

    @FormParam("childAddress")
    public String childAddress;

    @FormParam("familyDetails")
    public String familyDetails;

    /** A kabupaten/kota code, e.g. {@code 16.08}; the province is its first two digits. */
    @FormParam("regency")
    public String regency;

    @FormParam("category")
    public String category;

    @FormParam("serviceNeeded")
    public String serviceNeeded;

    @FormParam("urgency")
    public String urgency;

    /** An agency id, or empty to let routing choose. */
    @FormParam("target")
    public String target;

    @FormParam("consentGiven")
    public String consentGiven;

    @FormParam("consentGivenBy")
    public String consentGivenBy;

    @FormParam("consentNote")
    public String consentNote;

    @FormParam("summary")
    public String summary;
}
