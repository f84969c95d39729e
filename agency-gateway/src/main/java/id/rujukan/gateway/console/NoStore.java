package id.rujukan.gateway.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The officers' pages tell of children: no browser or proxy may keep a copy (a shared phone, the back button
 * after signing out).
 */
@Provider
public class NoStore implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/console") || path.startsWith("/m/")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
