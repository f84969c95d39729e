package id.rujukan.gateway.console;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.Level;
import id.rujukan.contract.Roster;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.roster.Rosters;
import id.rujukan.gateway.webhook.WebhookTargets;
import id.rujukan.gateway.webhook.Webhooks;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pengaturan lembaga: what an agency's admin looks after on the console. The agency's duty roster (who is on duty
 * when, leave and its cover, and the hours ahead with nobody on duty), the agency's webhook (where its own
 * system, if it has one, is pushed every event; the URL and the signing secret, shown once when made), and the
 * audit trail: who of the agency read or wrote which child's data, and when.
 */
@ApplicationScoped
public class AgencyAdmin {

    /** The roles a shift can be for: those an escalation alerts at the agency, by its levels. */
    static final List<String> ROLES = Level.AT_THE_AGENCY.stream().flatMap(level -> level.roles().stream())
            .distinct().toList();

    /** How much of the audit trail the page shows, newest first. */
    static final int AUDIT_SHOWN = 100;

    private final Viewers viewers;
    private final Webhooks webhooks;
    private final AuditTrail audit;
    private final Rosters rosters;
    private final Clock clock;

    public AgencyAdmin(Viewers viewers, Webhooks webhooks, AuditTrail audit, Rosters rosters, Clock clock) {
        this.viewers = viewers;
        this.webhooks = webhooks;
        this.audit = audit;
        this.rosters = rosters;
        this.clock = clock;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance admin(Page page, Viewer viewer);
    }

    /** One line of the audit trail, in words. */
    public record Access(String at, String actor, String action, String reference) {
    }

    /** A contact the leave form offers. */
    public record Person(String email, String name) {
    }

    /** A shift in words, and what the form that removes it sends back to name it. */
    public record ShiftRow(String text, String role, String person, String days, String start, String end) {
    }

    /** A choice on the shift form: a role or a day, its value and its words. */
    public record Choice(String value, String label) {
    }

    /**
     * The roster in words: its shifts, the leave not over yet, the first gaps ahead, and what the forms offer;
     * {@code notice} after a change.
     */
    public record RosterSection(boolean kept, List<ShiftRow> shifts, List<String> covers, List<String> gaps,
            List<Person> people, List<Choice> roles, List<Choice> days, String notice, String refused) {
    }

    /** What the page shows; {@code secret} only right after it was made, {@code refused} after a refused URL. */
    public record Page(RosterSection roster, String url, String updated, String typedUrl, String secret,
            String refused, List<Access> audit) {
    }

    public TemplateInstance render(String language) {
        Viewer viewer = viewers.current(language);
        return page(viewer, roster(viewer, null, null), null, null, null);
    }

    /**
     * Records leave from the form: {@code person} is away from the start of {@code from} to the end of {@code until}
     * (dates in the agency's zone), covered by {@code cover} or by nobody. The roster goes to referral-service as
     * through the API; 400 and the page again, saying why, for dates that make no sense.
     */
    public Response recordLeave(String person, String from, String until, String cover, String language) {
        Viewer viewer = viewers.current(language);
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from == null ? "" : from);
            last = LocalDate.parse(until == null ? "" : until);
        } catch (DateTimeParseException e) {
            return refused(viewer, viewer.adminWords().leave_bad_dates());
        }
        if (last.isBefore(first)) {
            return refused(viewer, viewer.adminWords().leave_bad_dates());
        }
        Roster current = rosters.of(viewer.agencyId());
        List<Roster.Cover> covers = new ArrayList<>(current.covers());
        covers.add(new Roster.Cover(person, first.atStartOfDay(viewer.zone()).toInstant(),
                last.plusDays(1).atStartOfDay(viewer.zone()).toInstant(),
                cover == null || cover.isBlank() ? null : cover, "LEAVE"));
        return change(viewer, new Roster(current.shifts(), covers));
    }

    /**
     * Adds a weekly shift from the form: {@code role} held by {@code person} on {@code days} from {@code start} to
     * {@code end} (HH:mm in the agency's zone; an end before the start runs past midnight, the same time all day).
     * 400 and the page again, saying why, for no day or a time that is not one.
     */
    public Response addShift(String role, String person, List<String> days, String start, String end,
            String language) {
        Viewer viewer = viewers.current(language);
        Roster.Shift shift;
        try {
            shift = new Roster.Shift(role, person, (days == null ? List.<String>of() : days).stream().map(DayOfWeek::valueOf).distinct().sorted().toList(),
                    LocalTime.parse(start).toString(), LocalTime.parse(end).toString());
        } catch (RuntimeException e) {
            return refused(viewer, viewer.adminWords().shift_bad());
        }
        if (shift.days().isEmpty() || !ROLES.contains(role) || person == null || person.isBlank()) {
            return refused(viewer, viewer.adminWords().shift_bad());
        }
        Roster current = rosters.of(viewer.agencyId());
        List<Roster.Shift> shifts = new ArrayList<>(current.shifts());
        shifts.add(shift);
        return change(viewer, new Roster(shifts, current.covers()));
    }

    /** Removes the shift the row named; 400 and why if the roster no longer holds it (changed meanwhile). */
    public Response removeShift(String role, String person, String days, String start, String end, String language) {
        Viewer viewer = viewers.current(language);
        Roster current = rosters.of(viewer.agencyId());
        List<Roster.Shift> shifts = new ArrayList<>(current.shifts());
        boolean removed = shifts.removeIf(shift -> shift.role().equals(role) && shift.person().equalsIgnoreCase(person)
                && days(shift).equals(days) && shift.start().equals(start) && shift.end().equals(end));
        if (!removed) {
            return refused(viewer, viewer.adminWords().shift_gone());
        }
        return change(viewer, new Roster(shifts, current.covers()));
    }

    private Response change(Viewer viewer, Roster roster) {
        try {
            rosters.replace(viewer.agencyId(), roster, viewers.actor());
        } catch (HttpProblem e) {
            return refused(viewer, e.getDetail());
        }
        return Response.ok(page(viewer, roster(viewer, viewer.adminWords().roster_sent(), null), null, null, null)).build();
    }

    private static String days(Roster.Shift shift) {
        return shift.days().stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private Response refused(Viewer viewer, String why) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(page(viewer, roster(viewer, null, why), null, null, null)).build();
    }

    private RosterSection roster(Viewer viewer, String notice, String refused) {
        // one read of the agency and of the roster it sent, for every part of the section
        AgencyPublished agency = rosters.withRoster(viewer.agencyId());
        Roster roster = Rosters.of(agency);
        Map<String, String> names = new HashMap<>();
        agency.contacts().forEach(contact -> names.putIfAbsent(contact.email().toLowerCase(Locale.ROOT),
                contact.name() == null ? contact.email() : contact.name()));
        Function<String, String> name = email -> email == null ? viewer.adminWords().leave_nobody()
                : names.getOrDefault(email.toLowerCase(Locale.ROOT), email);
        List<ShiftRow> shifts = roster.shifts().stream().map(shift -> new ShiftRow(viewer.adminWords().roster_shift(
                viewer.word("role", shift.role()), name.apply(shift.person()), shift.days().stream()
                        .map(day -> day.getDisplayName(TextStyle.SHORT, viewer.locale()))
                        .collect(Collectors.joining(", ")), shift.start(), shift.end()), shift.role(), shift.person(),
                days(shift), shift.start(), shift.end())).toList();
        Instant now = clock.instant();
        List<String> covers = roster.covers().stream().filter(cover -> cover.until().isAfter(now))
                .map(cover -> viewer.adminWords().roster_cover(name.apply(cover.person()),
                        viewer.word("leave", cover.reason() == null ? "LEAVE" : cover.reason()),
                        viewer.time(cover.from()), viewer.time(cover.until()), name.apply(cover.cover())))
                .toList();
        List<String> gaps = rosters.gapsAhead(agency).stream().map(gap -> viewer.adminWords().roster_gap(
                gap.roles().stream().map(role -> viewer.word("role", role))
                        .collect(Collectors.joining(" " + viewer.words().or() + " ")),
                viewer.time(gap.from()), viewer.time(gap.until()))).toList();
        List<Person> people = agency.contacts().stream().map(contact -> new Person(contact.email(),
                name.apply(contact.email()))).distinct().toList();
        List<Choice> roles = ROLES.stream().map(role -> new Choice(role, viewer.word("role", role))).toList();
        List<Choice> days = Arrays.stream(DayOfWeek.values())
                .map(day -> new Choice(day.name(), day.getDisplayName(TextStyle.FULL, viewer.locale()))).toList();
        return new RosterSection(!roster.shifts().isEmpty(), shifts, covers, gaps, people, roles, days, notice,
                refused);
    }

    /** Registers or changes the webhook: the page again, with the secret if this made one, or 400 and why not. */
    public Response register(String url, String language) {
        Viewer viewer = viewers.current(language);
        try {
            Webhooks.Registered registered = webhooks.register(viewer.agencyId(), url == null ? "" : url.strip());
            return Response.ok(page(viewer, roster(viewer, null, null), null, registered.secret(), null)).build();
        } catch (WebhookTargets.Refused e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(viewer, roster(viewer, null, null), url, null, e.getMessage())).build();
        }
    }

    /** A new signing secret, shown on this page this once. */
    public TemplateInstance rotate(String language) {
        Viewer viewer = viewers.current(language);
        return page(viewer, roster(viewer, null, null), null, webhooks.rotate(viewer.agencyId()).secret(), null);
    }

    private TemplateInstance page(Viewer viewer, RosterSection roster, String typedUrl, String secret,
            String refused) {
        Webhooks.Registered webhook = webhooks.of(viewer.agencyId()).orElse(null);
        List<Access> accesses = audit.of(viewer.agencyId(), null, AUDIT_SHOWN).stream()
                .map(entry -> new Access(viewer.time(entry.at()), entry.actor(), viewer.word("audit", entry.action()),
                        entry.referralId() == null ? null : Row.reference(UUID.fromString(entry.referralId()))))
                .toList();
        Page page = new Page(roster, webhook == null ? null : webhook.url(), webhook == null ? null
                : viewer.time(webhook.updatedAt()), typedUrl, secret, refused, accesses);
        return Templates.admin(page, viewer).setAttribute(MessageBundles.ATTRIBUTE_LOCALE, viewer.locale());
    }
}
