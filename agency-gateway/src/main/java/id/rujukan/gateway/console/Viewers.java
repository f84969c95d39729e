package id.rujukan.gateway.console;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;

/** The viewer of a page, from the signed-in officer's token, the directory and the language cookie. */
@ApplicationScoped
public class Viewers {

    /** The cookie that keeps an officer's choice of language. */
    public static final String LANGUAGE_COOKIE = "rujukan-bahasa";
    /** Where an agency the directory does not (yet) know is taken to be: most agencies are in WIB. */
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

    private final Caller caller;
    private final DirectoryCopy directory;
    private final SecurityIdentity identity;

    public Viewers(Caller caller, DirectoryCopy directory, SecurityIdentity identity) {
        this.caller = caller;
        this.directory = directory;
        this.identity = identity;
    }

    public Viewer current(String language) {
        String agencyId = caller.agencyId();
        return Viewer.of(agencyId, nameOf(agencyId), directory.agency(agencyId)
                .map(agency -> ZoneId.of(agency.timeZone())).orElse(DEFAULT_ZONE), language,
                identity.hasRole(Roles.OFFICER) || identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.HEAD),
                identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.HEAD),
                identity.hasRole(Roles.AGENCY_ADMIN));
    }

    /** An agency's name; its id only if the directory does not know it. */
    /** The user looking at the page, as an id (their user name): the actor of what they change. */
    public String actor() {
        return caller.actor();
    }

    public String nameOf(String agencyId) {
        return agencyId == null ? null : directory.agency(agencyId).map(AgencyPublished::name).orElse(agencyId);
    }
}
