package id.rujukan.notification.delivery;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.notification.sms.SentSms;
import id.rujukan.notification.sms.SmsProviders;
import id.rujukan.notification.template.AlertFacts;
import id.rujukan.notification.template.AlertTemplates;
import id.rujukan.notification.template.RenderedSms;
import jakarta.enterprise.context.ApplicationScoped;

/** Alerts by SMS: fitted to one GSM-7 message and handed to the healthiest SMS provider. */
@ApplicationScoped
class SmsChannel {

    static final String SMS = "SMS";

    private final AlertTemplates templates;
    private final SmsProviders providers;

    SmsChannel(AlertTemplates templates, SmsProviders providers) {
        this.templates = templates;
        this.providers = providers;
    }

    /**
     * @throws PermanentDeliveryException if the recipient has no phone number
     * @throws id.rujukan.notification.sms.ProvidersBusyException if every provider is at its rate limit
     */
    HandedOver send(Notification notification, AgencyPublished.Contact contact, AlertFacts facts) {
        if (contact.phone() == null || contact.phone().isBlank()) {
            throw new PermanentDeliveryException("the " + notification.recipientRole + " of "
                    + notification.agencyId + " has no phone number");
        }
        RenderedSms text = templates.sms(notification.template, facts, contact.language());
        SentSms sent = providers.send(contact.phone(), text.text());
        return new HandedOver(contact.phone(), text.templateVersion(), sent.provider(), sent.messageId());
    }
}
