package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.CloudEventAttributes;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * The directory's admin API: read agencies, add one or change one. Served inside the cluster only; the
 * gateway puts agency identity in front of it.
 */
@Path("/api/v1/directory/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    private final Directory directory;

    public DirectoryResource(Directory directory) {
        this.directory = directory;
    }

    @GET
    public List<AgencyPublished> list() {
        return Agency.<Agency>listAll().stream().map(Agency::toRecord).toList();
    }

    @GET
    @Path("{id}")
    public AgencyPublished get(@PathParam("id") String id) {
        return Agency.<Agency>findByIdOptional(id).map(Agency::toRecord)
                .orElseThrow(() -> new NotFoundException("No agency " + id));
    }

    @PUT
    @Path("{id}")
    @Transactional
    public AgencyPublished put(@PathParam("id") String id, @NotNull @Valid AgencyPublished agency) {
        if (!id.equals(agency.agencyId())) {
            throw new BadRequestException("agencyId in the body must be the one in the path");
        }
        try {
            ZoneId.of(agency.timeZone());
        } catch (DateTimeException e) {
            throw new BadRequestException("timeZone " + agency.timeZone() + " is not a time zone");
        }
        return directory.save(agency, CloudEventAttributes.SYSTEM).toRecord();
    }
}
