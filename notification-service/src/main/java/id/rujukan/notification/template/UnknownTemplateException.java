package id.rujukan.notification.template;

/** A notification asked for a template this service does not have. */
public class UnknownTemplateException extends RuntimeException {

    public UnknownTemplateException(String template) {
        super("No template " + template);
    }
}
