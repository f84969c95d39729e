package id.rujukan.gateway.console;

import id.rujukan.gateway.problem.ProblemBody;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A form the CSRF filter refused (its token missing or not the cookie's: the page stayed open past the token's
 * lifetime, or another site posted it) gets a bare 400 from that filter. An officer gets a page in their language
 * saying that nothing changed and what to do; an API call that sent an empty form body (the API takes JSON, or no
 * body) gets a problem saying so.
 */
@Provider
public class ExpiredForm implements ContainerResponseFilter {

    private final Viewers viewers;

    public ExpiredForm(Viewers viewers) {
        this.viewers = viewers;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance expired(Viewer viewer);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != Response.Status.BAD_REQUEST.getStatusCode() || response.hasEntity()
                || !"POST".equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/console") || path.startsWith("/m/")) {
            Cookie language = request.getCookies().get(Viewers.LANGUAGE_COOKIE);
            Viewer viewer = viewers.current(language == null ? null : language.getValue());
            response.setEntity(Templates.expired(viewer)
                    .setAttribute(MessageBundles.ATTRIBUTE_LOCALE, viewer.locale()).render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        } else {
            response.setEntity(new ProblemBody("Bad Request", Response.Status.BAD_REQUEST.getStatusCode(),
                    "a form body without a form token: the API takes JSON, or no body (send no Content-Type)"),
                    null, MediaType.valueOf(ProblemBody.MEDIA_TYPE));
        }
    }
}
