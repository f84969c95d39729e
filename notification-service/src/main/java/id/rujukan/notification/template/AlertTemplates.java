package id.rujukan.notification.template;

import id.rujukan.notification.sms.Gsm7;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders alerts from Qute templates checked at build time, one email and one SMS template per language:
 * Bahasa Indonesia ({@code templates/id}), the default, and English ({@code templates/en}). Each event
 * (new referral, reminder, escalation by level, accepted, declined, completed, cancelled, handoff
 * requested) is a branch of them. The version recorded with each notification names channel, language,
 * wording version and event, e.g. {@code sms/id/1/referral-escalation}: bump a version when its wording
 * changes, so what an officer received can be told later.
 */
@ApplicationScoped
public class AlertTemplates {

    /** Bump when the wording of an event in {@code templates/{id,en}/email.txt} changes (not for a new event). */
    static final int EMAIL_VERSION = 2;
    /** Bump when the wording of an event in {@code templates/{id,en}/sms.txt} changes (not for a new event). */
    static final int SMS_VERSION = 1;
    public static final Set<String> EVENTS = Set.of("referral-new", "referral-reminder", "referral-escalation",
            "referral-accepted", "referral-declined", "referral-completed", "referral-cancelled",
            "handoff-requested", "referral-progress-overdue", "referral-unassigned", "roster-gap");
    /** Shorter forms of words agency names are made of, used when an SMS would not fit otherwise. */
    private static final Map<String, String> ABBREVIATIONS = abbreviations();

    @CheckedTemplate(basePath = "id")
    static class Indonesian {
        static native TemplateInstance email(AlertFacts facts);

        static native TemplateInstance email$subject(AlertFacts facts);

        static native TemplateInstance sms(AlertFacts facts);
    }

    @CheckedTemplate(basePath = "en")
    static class English {
        static native TemplateInstance email(AlertFacts facts);

        static native TemplateInstance email$subject(AlertFacts facts);

        static native TemplateInstance sms(AlertFacts facts);
    }

    /**
     * @param language the recipient's, {@code en} for English; anything else is Bahasa Indonesia
     * @throws UnknownTemplateException if there is no such event
     */
    public RenderedEmail email(String event, AlertFacts facts, String language) {
        requireKnown(event);
        boolean english = isEnglish(language);
        TemplateInstance subject = english ? English.email$subject(facts) : Indonesian.email$subject(facts);
        TemplateInstance body = english ? English.email(facts) : Indonesian.email(facts);
        return new RenderedEmail(subject.render().strip(), body.render().strip(),
                version("email", english, EMAIL_VERSION, event));
    }

    /**
     * One SMS of at most 160 GSM-7 characters. Agency names are transliterated into the GSM alphabet, and
     * abbreviated, then cut, if the whole would not fit; the link is never cut.
     *
     * @throws UnknownTemplateException if there is no such event
     * @throws IllegalStateException if even a cut agency name leaves no room (the link base is too long)
     */
    public RenderedSms sms(String event, AlertFacts facts, String language) {
        requireKnown(event);
        boolean english = isEnglish(language);
        AlertFacts fitted = facts.withNames(gsm(facts.referringAgencyName()), gsm(facts.targetAgencyName()));
        String text = renderSms(fitted, english);
        if (Gsm7.septets(text) > Gsm7.SINGLE_SMS_SEPTETS) {
            fitted = fitted.withNames(abbreviate(fitted.referringAgencyName()), abbreviate(fitted.targetAgencyName()));
            text = renderSms(fitted, english);
        }
        int over = Gsm7.septets(text) - Gsm7.SINGLE_SMS_SEPTETS;
        if (over > 0) {
            String target = fitted.targetAgencyName();
            if (over + 1 >= target.length()) {
                throw new IllegalStateException("An SMS for " + event + " cannot fit in " + Gsm7.SINGLE_SMS_SEPTETS
                        + " characters: shorten rujukan.action-links.base-url");
            }
            text = renderSms(fitted.withNames(fitted.referringAgencyName(),
                    target.substring(0, target.length() - over - 1).strip() + "."), english);
        }
        return new RenderedSms(text, version("sms", english, SMS_VERSION, event));
    }

    private static String renderSms(AlertFacts facts, boolean english) {
        String text = (english ? English.sms(facts) : Indonesian.sms(facts)).render();
        return text.strip().replaceAll("\\s+", " ");
    }

    private static void requireKnown(String event) {
        if (!EVENTS.contains(event)) {
            throw new UnknownTemplateException(event);
        }
    }

    private static boolean isEnglish(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
    }

    private static String version(String channel, boolean english, int version, String event) {
        return channel + "/" + (english ? "en" : "id") + "/" + version + "/" + event;
    }

    /** Accents dropped, anything else outside the GSM alphabet replaced by a space. */
    private static String gsm(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(plain.length());
        plain.codePoints().forEach(c -> out.append(Gsm7.septets(Character.toString(c)) == 1 ? Character.toString(c) : " "));
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String name) {
        String shorter = name;
        for (Map.Entry<String, String> abbreviation : ABBREVIATIONS.entrySet()) {
            shorter = shorter.replace(abbreviation.getKey(), abbreviation.getValue());
        }
        return shorter;
    }

    private static Map<String, String> abbreviations() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("Dinas Sosial", "Dinsos");
        words.put("Kabupaten", "Kab.");
        words.put("Provinsi", "Prov.");
        words.put("Kementerian Sosial", "Kemensos");
        words.put("Kelas ", "");
        words.put("Pusat Kesehatan Masyarakat", "Puskesmas");
        words.put("Lembaga Kesejahteraan Sosial Anak", "LKSA");
        words.put("Unit Pelayanan Perempuan dan Anak", "PPA");
        words.put("Kepolisian Resor", "Polres");
        return words;
    }
}
