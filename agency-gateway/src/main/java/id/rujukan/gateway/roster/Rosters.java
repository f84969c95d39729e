package id.rujukan.gateway.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.DutyRoster;
import id.rujukan.contract.Level;
import id.rujukan.contract.Roster;
import id.rujukan.contract.RosterChanged;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.problem.Problems;
import id.rujukan.gateway.submission.IntakeEvents;
import id.rujukan.messaging.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Agencies' duty rosters as the gateway keeps them: read from the directory copy, checked and sent to
 * referral-service when an admin changes one (through the API or the console), and the gaps ahead in them. A
 * roster sent is the agency's roster until the directory copy holds it (a few seconds, through referral-service):
 * a change made meanwhile builds on it, so that an admin who adds a shift and records leave a second later does
 * not lose the shift. Past {@link #PENDING_AT_MOST} the directory is trusted again (referral-service would have
 * been down that long, or an operator changed the roster there).
 */
@ApplicationScoped
public class Rosters {

    static final Duration PENDING_AT_MOST = Duration.ofMinutes(10);

    private final DirectoryCopy directory;
    private final IntakeEvents events;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    public Rosters(DirectoryCopy directory, IntakeEvents events, AuditTrail audit, EntityManager entityManager,
            ObjectMapper json, Clock clock) {
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** The agency as the directory copy holds it; 503 while it is not there yet. */
    private AgencyPublished agency(String agencyId) {
        return directory.agency(agencyId).orElseThrow(() -> Problems.unavailable(
                "the agency directory does not hold agency " + agencyId + " yet"));
    }

    /** The agency with its roster: the one its admin sent, until the directory holds it. */
    public AgencyPublished withRoster(String agencyId) {
        return withRosterSent(agency(agencyId));
    }

    /** The agency's roster: the one its admin sent, until the directory holds it; none if it keeps none. */
    public Roster of(String agencyId) {
        return of(withRoster(agencyId));
    }

    public static Roster of(AgencyPublished agency) {
        return Optional.ofNullable(agency.roster()).orElse(Roster.NONE);
    }

    /**
     * The first hours in the next 7 days with nobody on duty, per level of the agency's chains that has one.
     *
     * @param agency as {@link #withRoster(String)} gives it
     */
    public List<DutyRoster.Gap> gapsAhead(AgencyPublished agency) {
        List<DutyRoster.Gap> gaps = new ArrayList<>();
        for (Level level : Level.AT_THE_AGENCY) {
            DutyRoster.firstGap(agency, level.roles(), clock.instant(), DutyRoster.GAPS_AHEAD).ifPresent(gaps::add);
        }
        return gaps;
    }

    /**
     * Replaces the agency's roster: checked here (400 naming the field), then sent to referral-service with its
     * audit entry, in one transaction.
     */
    @Transactional
    public void replace(String agencyId, Roster roster, String admin) {
        AgencyPublished agency = agency(agencyId);
        Set<String> contacts = agency.contacts().stream().map(contact -> key(contact.email()))
                .collect(Collectors.toSet());
        for (int i = 0; i < roster.shifts().size(); i++) {
            if (!contacts.contains(key(roster.shifts().get(i).person()))) {
                throw Problems.badRequest("shifts[" + i + "].person", "not one of the agency's contacts");
            }
        }
        for (int i = 0; i < roster.covers().size(); i++) {
            Roster.Cover cover = roster.covers().get(i);
            if (!contacts.contains(key(cover.person()))) {
                throw Problems.badRequest("covers[" + i + "].person", "not one of the agency's contacts");
            }
            if (cover.cover() != null && !contacts.contains(key(cover.cover()))) {
                throw Problems.badRequest("covers[" + i + "].cover", "not one of the agency's contacts");
            }
            if (!cover.until().isAfter(cover.from())) {
                throw Problems.badRequest("covers[" + i + "].until", "must be after from");
            }
        }
        events.rosterChanged(new RosterChanged(agencyId, roster, admin, clock.instant()));
        Writes.update(entityManager, """
                insert into roster_sent (agency_id, roster, sent_at) values (?, cast(? as jsonb), ?)
                on conflict (agency_id) do update set roster = excluded.roster, sent_at = excluded.sent_at""",
                agencyId, write(roster), clock.instant());
        audit.record("CHANGE_ROSTER", null, agencyId);
    }

    /** The agency with the roster its admin sent, if the directory copy does not hold it yet. */
    private AgencyPublished withRosterSent(AgencyPublished agency) {
        List<?> rows = entityManager.createNativeQuery(
                "select cast(roster as text) from roster_sent where agency_id = ?1 and sent_at > ?2")
                .setParameter(1, agency.agencyId())
                .setParameter(2, Timestamp.from(clock.instant().minus(PENDING_AT_MOST))).getResultList();
        if (rows.isEmpty()) {
            return agency;
        }
        Roster sent = read((String) rows.get(0));
        return sent.equals(agency.roster()) ? agency : agency.withRoster(sent);
    }

    private String write(Roster roster) {
        try {
            return json.writeValueAsString(roster);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a roster always has a JSON form", e);
        }
    }

    private Roster read(String roster) {
        try {
            return json.readValue(roster, Roster.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("roster_sent holds only rosters this class wrote", e);
        }
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
