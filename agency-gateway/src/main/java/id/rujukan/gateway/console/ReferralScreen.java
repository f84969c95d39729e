package id.rujukan.gateway.console;

import id.rujukan.contract.ActionCodes;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralState;
import id.rujukan.gateway.action.ActionRequest;
import id.rujukan.gateway.action.Actions;
import id.rujukan.gateway.guard.Parties;
import id.rujukan.gateway.note.Notes;
import id.rujukan.gateway.protection.KeyErasedException;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.gateway.readmodel.ReferralViews;
import id.rujukan.gateway.readmodel.Timeline;
import id.rujukan.gateway.submission.DetailsReader;
import id.rujukan.gateway.submission.ProtectedDetails;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One referral as an officer sees it, whether they came from an alert's link ({@code /m/{token}}) or from their
 * inbox ({@code /console/rujukan/{id}}): its state, who has it, its deadlines and how long is left, the child's
 * data (to a party agency only, and audited), the timeline, and the actions its state allows them.
 */
@ApplicationScoped
public class ReferralScreen {

    /** An alert's timeline line, as readmodel.NotificationStatusConsumer writes it. */
    private static final Pattern ALERT = Pattern.compile(
            "(SMS|EMAIL) (sent|delivered|failed) to the ([A-Z_]+) of (\\S+?)(?:: .*)?");
    /** A supervisor or head acting for an officer, as referral-service's detail ends with it. */
    private static final Pattern ON_BEHALF = Pattern.compile("; (\\S+) acted on behalf of (\\S+)$");
    /** What looks like an agency id in a line's detail (lower case, a dash, a code): shown as the agency's name. */
    private static final Pattern AGENCY_ID = Pattern.compile("\\b[a-z]+(?:-[a-z0-9]+)+\\b");

    /** The codes each form offers, as kept in data for every gateway ({@link ActionCodes}). */
    public static final List<String> DECLINE_REASONS = ActionCodes.declineReasons();
    public static final List<String> CANCEL_REASONS = ActionCodes.cancelReasons();
    public static final List<String> OUTCOMES = ActionCodes.outcomes();
    public static final List<String> MILESTONES = ActionCodes.milestones();
    /** The lists the page's forms choose from. */
    public static final Choices CHOICES = new Choices(DECLINE_REASONS, CANCEL_REASONS, OUTCOMES, MILESTONES);
    /**
     * The actions the page offers; receipt by a system (RECEIVE) is the API's, and a handoff is a new referral of
     * the case: the page links to its form when the officer's agency is responsible for the case.
     */
    public static final Set<ReferralAction> ON_THE_PAGE = Set.of(ReferralAction.ACKNOWLEDGE, ReferralAction.ACCEPT,
            ReferralAction.DECLINE, ReferralAction.PROGRESS, ReferralAction.COMPLETE, ReferralAction.CANCEL,
            ReferralAction.NOTE, ReferralAction.REASSIGN);

    /** What the page's selects offer. */
    public record Choices(List<String> declineReasons, List<String> cancelReasons, List<String> outcomes,
            List<String> milestones) {
    }

    private final Parties parties;
    private final DetailsReader details;
    private final Timeline timeline;
    private final Notes notes;
    private final Actions actions;
    private final Viewers viewers;
    private final ReferralViews views;
    private final Clock clock;

    public ReferralScreen(Parties parties, DetailsReader details, Timeline timeline, Notes notes, Actions actions,
            Viewers viewers, ReferralViews views, Clock clock) {
        this.views = views;
        this.notes = notes;
        this.parties = parties;
        this.details = details;
        this.timeline = timeline;
        this.actions = actions;
        this.viewers = viewers;
        this.clock = clock;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance referral(Page page, Viewer viewer);
    }

    /** A line of the timeline, in words. */
    public record Line(String at, String who, String state, String detail) {
    }

    /** A note of the thread, in words. */
    public record NoteLine(String at, String who, String action, String text) {
    }

    /** A deadline with how long is left. */
    public record Due(String what, String at, String left, boolean late) {
    }

    /**
     * What the page shows.
     *
     * @param handoffCase the referral's case, when the officer's agency is responsible for it and may hand it over
     */
    public record Page(String reference, ReferralView referral, String from, String to, String submitted,
            List<Due> deadlines, ProtectedDetails child, boolean erased, List<String> actions,
            Choices choices, List<NoteLine> notes, boolean mayNote, List<Line> timeline,
            String actionBase, String sent, String handoffCase) {
    }

    /**
     * @param actionBase where the page's forms post, e.g. {@code /m/<token>}; the action's name is appended
     * @param sent the action just requested, to say so, or {@code null}
     */
    @Transactional
    public TemplateInstance render(String referralId, String language, String actionBase, String sent) {
        Viewer viewer = viewers.current(language);
        UUID id = parties.requireParty(referralId, viewer.agencyId());
        ReferralView view = ReferralView.findById(id);
        ProtectedDetails child = null;
        List<NoteLine> thread = List.of();
        boolean erased = false;
        try {
            child = details.read(id);
        } catch (KeyErasedException e) {
            erased = true;
        } catch (NotFoundException e) {
            Log.debugf("Referral %s has no sealed details here", id);
        }
        if (!erased) {
            try {
                thread = notes.read(id).stream().map(note -> new NoteLine(viewer.time(note.at()),
                        viewers.nameOf(note.agencyId()) + (note.actor() == null ? "" : " (" + note.actor() + ")"),
                        note.action().equals(ReferralAction.NOTE.name()) ? null : viewer.word("kind", note.action()),
                        note.text())).toList();
            } catch (KeyErasedException e) {
                erased = true;
            }
        }
        Instant now = clock.instant();
        List<Due> deadlines = view.respondBy() == null ? List.of()
                : List.of(new Due(viewer.word("due", dueFor(view)),
                        viewer.time(view.respondBy()), viewer.left(view.respondBy(), now),
                        view.respondBy().isBefore(now)));
        // the note form belongs to the thread; the buttons are for the actions that move the referral on, once
        // referral-service has said which its state allows (until it is routed, none)
        List<String> allowed = view.allowedActions == null ? List.of() : ON_THE_PAGE.stream()
                .filter(a -> a != ReferralAction.NOTE)
                // acknowledging stays harmless later (a system may repeat it), but is offered only while awaited
                .filter(a -> a != ReferralAction.ACKNOWLEDGE || ReferralState.ROUTED.name().equals(view.state))
                // putting another officer in charge is a supervisor's or head's
                .filter(a -> a != ReferralAction.REASSIGN || viewer.supervises())
                .filter(a -> actions.may(a, view, viewer.agencyId()))
                .map(a -> a.name().toLowerCase(Locale.ROOT)).sorted().toList();
        boolean mayNote = !erased && actions.may(ReferralAction.NOTE, view, viewer.agencyId());
        List<Line> lines = timeline.of(id).stream().map(entry -> new Line(viewer.time(entry.at()),
                "system".equals(entry.actorAgencyId()) ? viewer.words().systemActor()
                        : viewers.nameOf(entry.actorAgencyId()), entry.toState() != null
                        ? viewer.word("state", entry.toState()) : viewer.word("kind", entry.kind()),
                        detail(entry, viewer)))
                .toList();
        Page page = new Page(Row.reference(id), view, viewers.nameOf(view.referringAgencyId),
                viewers.nameOf(view.targetAgencyId), viewer.time(view.submittedAt), deadlines, child, erased, allowed,
                CHOICES, thread, mayNote, lines, actionBase, sent, erased ? null : views.caseOf(id)
                        .filter(caseId -> views.caseOwner(caseId).map(viewer.agencyId()::equals).orElse(false))
                        .orElse(null));
        return Templates.referral(page, viewer).setAttribute(MessageBundles.ATTRIBUTE_LOCALE, viewer.locale());
    }

    /**
     * A timeline line's detail in the viewer's words where the line has a known shape (an alert sent, delivered
     * or failed: "SMS terkirim ke supervisor Dinas Sosial ..."; a state change worded from its codes: where it was
     * routed and by which rule, why it was declined or cancelled, who was put in charge; a case key granted,
     * received or destroyed, and by whom; a case erased); otherwise as recorded, with agency ids as names.
     */
    private String detail(Timeline.Entry entry, Viewer viewer) {
        String worded = entry.facts() == null ? null : worded(entry, viewer);
        if (worded != null) {
            Matcher onBehalf = entry.detail() == null ? null : ON_BEHALF.matcher(entry.detail());
            return onBehalf != null && onBehalf.find()
                    ? worded + "; " + viewer.words().timeline_on_behalf(onBehalf.group(1), onBehalf.group(2))
                    : worded;
        }
        if (entry.detail() == null) {
            return null;
        }
        if ("NOTIFICATION".equals(entry.kind())) {
            Matcher alert = ALERT.matcher(entry.detail());
            if (alert.matches()) {
                return viewer.words().timeline_notified(viewer.word("channel", alert.group(1)),
                        viewer.word("delivery", alert.group(2)), viewer.word("role", alert.group(3)),
                        viewers.nameOf(alert.group(4)));
            }
        }
        return AGENCY_ID.matcher(entry.detail()).replaceAll(id -> Matcher.quoteReplacement(
                viewers.nameOf(id.group())));
    }

    /** A state change's line from its codes, or null where its codes do not say more than its state. */
    private String worded(Timeline.Entry entry, Viewer viewer) {
        Timeline.Facts facts = entry.facts();
        return switch (entry.kind()) {
            case "ROUTING" -> facts.rule() == null ? null : facts.targetAgencyId() == null
                    ? viewer.words().timeline_unrouted(rule(facts.rule(), viewer))
                    : viewer.words().timeline_routed(viewers.nameOf(facts.targetAgencyId()), rule(facts.rule(), viewer));
            case "ACCEPT", "REASSIGN" -> facts.officerInCharge() == null ? null
                    : viewer.words().timeline_in_charge(facts.officerInCharge());
            case "DECLINE" -> facts.reasonCode() == null ? null : viewer.word("reason", facts.reasonCode());
            case "CANCEL" -> facts.reasonCode() == null ? null : viewer.word("cancel", facts.reasonCode());
            case "KEY_GRANTED" -> viewer.words().timeline_key_granted(viewers.nameOf(facts.targetAgencyId()));
            case "KEY_RECEIVED" -> viewer.words().timeline_key_received();
            case "KEY_NOT_GRANTED" ->
                    viewer.words().timeline_key_not_granted(viewers.nameOf(facts.targetAgencyId()));
            case "ERASED" -> viewer.words().timeline_erased();
            case "KEY_DESTROYED" -> viewer.words().timeline_key_destroyed();
            default -> null;
        };
    }

    /** A routing rule's name in words; a rule this gateway has no words for (a deployment's own) by its id. */
    private static String rule(String rule, Viewer viewer) {
        String key = rule.replace('-', '_');
        String word = viewer.word("rule", key);
        return word.equals(key) ? rule : word;
    }

    /** Which answer the referral's next deadline waits for. */
    private static String dueFor(ReferralView view) {
        if (view.respondBy().equals(view.progressDueAt)) {
            return "progress";
        }
        return view.respondBy().equals(view.acceptDueAt) ? "accept" : "acknowledge";
    }

    /** The page's action by its name in the form's path; 404 for any other. */
    public static ReferralAction chosen(String action) {
        return ON_THE_PAGE.stream().filter(a -> a.name().equalsIgnoreCase(action)).findFirst()
                .orElseThrow(() -> new NotFoundException("No action " + action + " on this page"));
    }

    /**
     * What a form on the page asks, each field only if it is one the page offers for that action: a decline's or
     * a cancellation's reason, a completion's outcome, a progress report's milestone, the note of the note form.
     * A field the action needs and the form left out is refused by {@link Actions}, as the API's would be.
     */
    public static ActionRequest request(ReferralAction action, String reasonCode, String outcomeCode, String milestone,
            String note) {
        return request(action, reasonCode, outcomeCode, milestone, note, null, null);
    }

    /**
     * As {@link #request(ReferralAction, String, String, String, String)}, with the officer a supervisor acts for
     * (on acknowledging, accepting, declining) and the officer a reassignment puts in charge; blank is none.
     */
    public static ActionRequest request(ReferralAction action, String reasonCode, String outcomeCode, String milestone,
            String note, String onBehalfOf, String officerInCharge) {
        String reason = action == ReferralAction.DECLINE && DECLINE_REASONS.contains(reasonCode)
                || action == ReferralAction.CANCEL && CANCEL_REASONS.contains(reasonCode) ? reasonCode : null;
        String outcome = action == ReferralAction.COMPLETE && OUTCOMES.contains(outcomeCode) ? outcomeCode : null;
        String reached = action == ReferralAction.PROGRESS && MILESTONES.contains(milestone) ? milestone : null;
        String text = action == ReferralAction.NOTE && note != null && !note.isBlank() ? note.strip() : null;
        String actingFor = EnumSet.of(ReferralAction.ACKNOWLEDGE, ReferralAction.ACCEPT, ReferralAction.DECLINE)
                .contains(action) && onBehalfOf != null && !onBehalfOf.isBlank() ? onBehalfOf.strip() : null;
        String inCharge = action == ReferralAction.REASSIGN && officerInCharge != null && !officerInCharge.isBlank()
                ? officerInCharge.strip() : null;
        return new ActionRequest(reason, outcome, reached, text, actingFor, inCharge);
    }
}
