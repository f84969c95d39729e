package id.rujukan.gateway.roster;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.DutyRoster;
import id.rujukan.contract.Level;
import id.rujukan.contract.Roster;
import id.rujukan.contract.RosterChanged;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.problem.Problems;
import id.rujukan.gateway.submission.IntakeEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
 * referral-service when an admin changes one (through the API or the console), and the gaps ahead in them.
 */
@ApplicationScoped
public class Rosters {


    private final DirectoryCopy directory;
    private final IntakeEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    public Rosters(DirectoryCopy directory, IntakeEvents events, AuditTrail audit, Clock clock) {
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The agency as the directory copy holds it; 503 while it is not there yet. */
    public AgencyPublished agency(String agencyId) {
        return directory.agency(agencyId).orElseThrow(() -> Problems.unavailable(
                "the agency directory does not hold agency " + agencyId + " yet"));
    }

    public Roster of(String agencyId) {
        return Optional.ofNullable(agency(agencyId).roster()).orElse(Roster.NONE);
    }

    /** The first hours in the next 7 days with nobody on duty, per level of the agency's chains that has one. */
    public List<DutyRoster.Gap> gapsAhead(String agencyId) {
        AgencyPublished agency = agency(agencyId);
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
        audit.record("CHANGE_ROSTER", null, agencyId);
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
