package id.rujukan.gateway.identity;

import id.rujukan.contract.OfficerDeparted;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.problem.ProblemBody;
import id.rujukan.gateway.submission.IntakeEvents;
import id.rujukan.messaging.Writes;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Officers an agency's admin recorded as gone: left the agency, or disabled. A token Keycloak issued before lives
 * on until it expires, and a console session until it ends; the gateway refuses such an officer's every request
 * from the moment the admin records it (this replica at once, the others within seconds: each reads the list
 * every few seconds), and tells referral-service, which takes the officer off the referrals they were in charge of.
 */
@ApplicationScoped
public class DepartedOfficers {

    private final EntityManager entityManager;
    private final IntakeEvents events;
    private final AuditTrail audit;
    private final Clock clock;
    /** {@code agency/officer} of every departed officer, as last read. */
    private volatile Set<String> departed = Set.of();

    public DepartedOfficers(EntityManager entityManager, IntakeEvents events, AuditTrail audit, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records that the officer is gone; a second record of the same officer changes nothing. */
    @Transactional
    public void depart(String agencyId, String officer, String admin) {
        Instant now = clock.instant();
        int recorded = Writes.update(entityManager, """
                insert into departed_officer (agency_id, officer, departed_at, departed_by)
                values (?, ?, ?, ?) on conflict do nothing""", agencyId, officer, now, admin);
        if (recorded == 1) {
            events.officerDeparted(new OfficerDeparted(agencyId, officer, admin, now));
            audit.record("OFFICER_DEPARTED", null, officer);
        }
        departed = union(departed, key(agencyId, officer));
    }

    @Scheduled(every = "${rujukan.departed-officers.read-every}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void read() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select agency_id, officer from departed_officer")
                .getResultList();
        departed = rows.stream().map(row -> key((String) row[0], (String) row[1])).collect(Collectors.toUnmodifiableSet());
    }

    /** 403 for a departed officer's request, before anything else of it is done. */
    @ServerRequestFilter
    public Optional<Response> refuse(ContainerRequestContext request) {
        if (departed.isEmpty() || !(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)
                || token.getClaim(Caller.AGENCY_CLAIM) == null || token.getClaim("preferred_username") == null) {
            return Optional.empty();
        }
        if (!departed.contains(key(token.getClaim(Caller.AGENCY_CLAIM).toString(),
                token.getClaim("preferred_username").toString()))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(ProblemBody.MEDIA_TYPE)
                .entity(new ProblemBody("Forbidden", 403,
                        "this officer's account was closed by the agency's admin")).build());
    }

    private static Set<String> union(Set<String> set, String key) {
        return Stream.concat(set.stream(), Stream.of(key)).collect(Collectors.toUnmodifiableSet());
    }

    private static String key(String agencyId, String officer) {
        return agencyId + "/" + officer;
    }
}
