package id.rujukan.gateway.console;

import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.webhook.WebhookTargets;
import id.rujukan.gateway.webhook.Webhooks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * Pengaturan lembaga: what an agency's admin looks after on the console. The agency's webhook (where its own
 * system, if it has one, is pushed every event; the URL and the signing secret, shown once when made), and the
 * audit trail: who of the agency read or wrote which child's data, and when.
 */
@ApplicationScoped
public class AgencyAdmin {

    /** How much of the audit trail the page shows, newest first. */
    static final int AUDIT_SHOWN = 100;

    private final Viewers viewers;
    private final Webhooks webhooks;
    private final AuditTrail audit;

    public AgencyAdmin(Viewers viewers, Webhooks webhooks, AuditTrail audit) {
        this.viewers = viewers;
        this.webhooks = webhooks;
        this.audit = audit;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance admin(Page page, Viewer viewer);
    }

    /** One line of the audit trail, in words. */
    public record Access(String at, String actor, String action, String reference) {
    }

    /** What the page shows; {@code secret} only right after it was made, {@code refused} after a refused URL. */
    public record Page(String url, String updated, String typedUrl, String secret, String refused,
            List<Access> audit) {
    }

    public TemplateInstance render(String language) {
        return page(viewers.current(language), null, null, null);
    }

    /** Registers or changes the webhook: the page again, with the secret if this made one, or 400 and why not. */
    public Response register(String url, String language) {
        Viewer viewer = viewers.current(language);
        try {
            Webhooks.Registered registered = webhooks.register(viewer.agencyId(), url == null ? "" : url.strip());
            return Response.ok(page(viewer, null, registered.secret(), null)).build();
        } catch (WebhookTargets.Refused e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(viewer, url, null, e.getMessage()))
                    .build();
        }
    }

    /** A new signing secret, shown on this page this once. */
    public TemplateInstance rotate(String language) {
        Viewer viewer = viewers.current(language);
        return page(viewer, null, webhooks.rotate(viewer.agencyId()).secret(), null);
    }

    private TemplateInstance page(Viewer viewer, String typedUrl, String secret, String refused) {
        Webhooks.Registered webhook = webhooks.of(viewer.agencyId()).orElse(null);
        List<Access> accesses = audit.of(viewer.agencyId(), null, AUDIT_SHOWN).stream()
                .map(entry -> new Access(viewer.time(entry.at()), entry.actor(), viewer.word("audit", entry.action()),
                        entry.referralId() == null ? "–" : Row.reference(UUID.fromString(entry.referralId()))))
                .toList();
        Page page = new Page(webhook == null ? null : webhook.url(), webhook == null ? null
                : viewer.time(webhook.updatedAt()), typedUrl, secret, refused, accesses);
        return Templates.admin(page, viewer).setAttribute(MessageBundles.ATTRIBUTE_LOCALE, viewer.locale());
    }
}
