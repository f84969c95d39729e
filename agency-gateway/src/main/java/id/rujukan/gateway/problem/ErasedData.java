package id.rujukan.gateway.problem;

import id.rujukan.gateway.protection.KeyErasedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 410 Gone for anything that needs the personal data of a case whose key was erased. */
public class ErasedData {

    @ServerExceptionMapper
    public Response erased(KeyErasedException e) {
        return Response.status(Response.Status.GONE).type(ProblemBody.MEDIA_TYPE)
                .entity(new ProblemBody("Gone", 410, "The personal data of this case was erased")).build();
    }
}
