package id.rujukan.gateway.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The benchmark's HTTP floor (bench/run.sh, P1): the same server stack as the API (Vert.x, Quarkus REST, the
 * same filters and body limit) taking the same body and answering 202 while doing nothing else: no token,
 * no validation, no database, no Kafka. What the gateway's ingest rate is compared with. Off (404) unless
 * {@code rujukan.bench.floor-enabled} is true, and outside the paths the Ingress exposes.
 */
@Path("/bench/floor")
public class FloorResource {

    private final boolean enabled;

    public FloorResource(@ConfigProperty(name = "rujukan.bench.floor-enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response accept(byte[] body) {
        if (!enabled) {
            throw new NotFoundException();
        }
        return Response.accepted().build();
    }
}
