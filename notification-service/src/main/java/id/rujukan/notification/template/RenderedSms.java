package id.rujukan.notification.template;

/** An SMS ready to send (GSM-7, at most 160 characters), and the template version it came from. */
public record RenderedSms(String text, String templateVersion) {
}
