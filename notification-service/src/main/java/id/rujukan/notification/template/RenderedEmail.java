package id.rujukan.notification.template;

/** An email ready to send, and the template version it came from. */
public record RenderedEmail(String subject, String body, String templateVersion) {
}
