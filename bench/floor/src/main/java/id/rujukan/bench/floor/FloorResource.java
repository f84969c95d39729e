package id.rujukan.bench.floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The benchmark's HTTP floor (bench/run.sh, P1): the gateway's server stack (Vert.x, Quarkus REST, the same
 * body limit, started by the local stack with the gateway's JVM settings) taking the same body and answering
 * 202 while doing nothing else: no token, no validation, no database, no Kafka. What the gateway's ingest rate
 * is compared with. An application of its own, so that nothing of it is in what is deployed.
 */
@Path("/bench/floor")
public class FloorResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(byte[] body) {
        return Response.accepted().build();
    }
}
