package id.rujukan.notification.template;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Renders alerts from Qute templates, checked at build time. Bahasa Indonesia is the language of every
 * template; the version of a template is recorded with each notification sent with it, so what an
 * officer received can be told later.
 */
@ApplicationScoped
public class AlertTemplates {

    public static final String REFERRAL_NEW = "referral-new";
    /** Bump when the wording of {@code email/referralNew.txt} changes. */
    static final String REFERRAL_NEW_VERSION = "referral-new/id/1";
    /** What {@code email/referralUpdate.txt} words: reminders, escalations and answers to the referrer. */
    static final Set<String> UPDATES = Set.of("referral-reminder", "referral-escalation", "referral-accepted",
            "referral-declined", "referral-completed", "referral-cancelled", "handoff-requested");
    /** Bump when the wording of {@code email/referralUpdate.txt} changes. */
    static final String REFERRAL_UPDATE_VERSION = "referral-update/id/1";

    @CheckedTemplate(basePath = "email")
    static class Email {
        static native TemplateInstance referralNew(AlertFacts facts);

        static native TemplateInstance referralNew$subject(AlertFacts facts);

        static native TemplateInstance referralUpdate(AlertFacts facts);

        static native TemplateInstance referralUpdate$subject(AlertFacts facts);
    }

    /** @throws UnknownTemplateException if there is no such template */
    public RenderedEmail email(String template, AlertFacts facts) {
        if (UPDATES.contains(template)) {
            return new RenderedEmail(Email.referralUpdate$subject(facts).render().strip(),
                    Email.referralUpdate(facts).render().strip(), REFERRAL_UPDATE_VERSION + "/" + template);
        }
        if (!REFERRAL_NEW.equals(template)) {
            throw new UnknownTemplateException(template);
        }
        return new RenderedEmail(Email.referralNew$subject(facts).render().strip(),
                Email.referralNew(facts).render().strip(), REFERRAL_NEW_VERSION);
    }
}
