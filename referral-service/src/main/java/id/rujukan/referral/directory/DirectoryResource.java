package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.KeyGrants;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Objects;

/**
 * The directory's admin API: read agencies, add one or change one. For operators only: a Keycloak token for this
 * service with the realm role {@value #DIRECTORY_ADMIN}. A change reaches every service through the directory topic,
 * and decides where children's referrals go and who is alerted, so whoever can reach the service inside the cluster
 * is not enough. What the directory holds (officers' phones and addresses) is read by the same role.
 */
@Path("/api/v1/directory/agencies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(DirectoryResource.DIRECTORY_ADMIN)
public class DirectoryResource {

    public static final String DIRECTORY_ADMIN = "directory-admin";
    /** The gateways, which read reports and routing previews for their agencies' people (the realm's service role). */
    public static final String GATEWAY = "gateway-service";
    /**
     * The claim that names the agencies an agency's own gateway acts for (its Keycloak client's hard-coded claim,
     * k8s/agencies/onboard.sh --own-gateway): such a gateway reads their reports only. The shared gateway's token
     * has none: it acts for every agency.
     */
    public static final String ACTS_FOR_CLAIM = "rujukan_agencies";

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
        // a key no reader can use is refused here, not met later by every reader of the agency's events and grants
        for (AgencyPublished.SigningKey key : Objects.requireNonNullElse(agency.signingKeys(),
                List.<AgencyPublished.SigningKey>of())) {
            checkKey(agency, key.keyId(), "signingKeys", () -> EventSignatures.publicKey(key.publicKey()));
        }
        for (AgencyPublished.GrantKey key : Objects.requireNonNullElse(agency.grantKeys(),
                List.<AgencyPublished.GrantKey>of())) {
            checkKey(agency, key.keyId(), "grantKeys", () -> KeyGrants.publicKey(key.publicKey()));
        }
        return directory.save(agency, CloudEventAttributes.SYSTEM).toRecord();
    }

    /** A key of the agency's, named {@code <agencyId>.<keyName>}, that parses as its kind of key. */
    private static void checkKey(AgencyPublished agency, String keyId, String field, Runnable parse) {
        if (!keyId.startsWith(agency.agencyId() + ".")) {
            throw new BadRequestException(field + ": key " + keyId + " is not named " + agency.agencyId()
                    + ".<keyName>");
        }
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field + ": key " + keyId + " is " + e.getMessage());
        }
    }
}
