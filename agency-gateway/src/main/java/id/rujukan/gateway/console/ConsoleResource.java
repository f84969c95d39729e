package id.rujukan.gateway.console;

import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.Urgency;
import id.rujukan.gateway.action.ActionRequest;
import id.rujukan.gateway.action.Actions;
import id.rujukan.gateway.guard.NeedsDirectory;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.readmodel.ReferralView;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The officers' console, for agencies with no case system of their own: their inbox (Kotak masuk), what they
 * referred (Terkirim), each referral, and the form to refer a child (Rujukan baru). Signed in through Keycloak like the alert links' page; every read is
 * limited to the officer's own agency, and every action goes through {@link Actions}, as the API's do.
 */
@Path("/console")
@Tag(name = "Officer console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
public class ConsoleResource {

    /** The states in which a referral still needs something from its target. */
    static final Set<String> OPEN = Set.of(ReferralState.ROUTED.name(), ReferralState.RECEIVED.name(),
            ReferralState.ACCEPTED.name(), ReferralState.IN_PROGRESS.name());
    /**
     * How many referrals a list reads. An agency's open referrals are tens, rarely hundreds; more than this
     * and the list says so rather than paging, and the filters narrow it.
     */
    static final int LIST_LIMIT = 500;

    private final Caller caller;
    private final Viewers viewers;
    private final ReferralScreen screen;
    private final Actions actions;
    private final NewReferrals newReferrals;
    private final Supervision supervision;
    private final AgencyAdmin agencyAdmin;
    private final Clock clock;

    public ConsoleResource(Caller caller, Viewers viewers, ReferralScreen screen, Actions actions,
            NewReferrals newReferrals, Supervision supervision, AgencyAdmin agencyAdmin, Clock clock) {
        this.agencyAdmin = agencyAdmin;
        this.supervision = supervision;
        this.newReferrals = newReferrals;
        this.caller = caller;
        this.viewers = viewers;
        this.screen = screen;
        this.actions = actions;
        this.clock = clock;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance list(ListPage page, Viewer viewer);
    }

    /** A list page: which one, its filters as chosen, its rows, and what the filters may be set to. */
    public record ListPage(String which, String state, String urgency, String category, String q, List<Row> rows,
            long late, boolean cut, List<String> states, List<Urgency> urgencies, List<CaseCategory> categories) {
    }

    @GET
    @Operation(summary = "Kotak masuk: the referrals that need something from my agency, most urgent first")
    public TemplateInstance inbox(@QueryParam("state") String state, @QueryParam("urgency") String urgency,
            @QueryParam("category") String category, @QueryParam("q") @Size(max = 36) String q,
            @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return list("inbox", "targetAgencyId", state, urgency, category, q, language);
    }

    @GET
    @Path("terkirim")
    @Operation(summary = "Terkirim: what my agency referred, and where each stands")
    public TemplateInstance sent(@QueryParam("state") String state, @QueryParam("urgency") String urgency,
            @QueryParam("category") String category, @QueryParam("q") @Size(max = 36) String q,
            @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return list("sent", "referringAgencyId", state, urgency, category, q, language);
    }

    @GET
    @Path("pengawasan")
    @RolesAllowed({Roles.SUPERVISOR, Roles.HEAD})
    @NeedsDirectory
    @Operation(summary = "Pengawasan: what is late now, and the shares answered in time, for supervisors and heads")
    public TemplateInstance supervision(@CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return supervision.render(language);
    }

    @GET
    @Path("admin")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Operation(summary = "Pengaturan lembaga: the agency's duty roster, webhook and audit trail, for its admin")
    public TemplateInstance admin(@CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return agencyAdmin.render(language);
    }

    @POST
    @Path("admin/webhook")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Registers or changes the webhook URL; the page again, with the secret once if this made one")
    public Response registerWebhook(@FormParam("url") @Size(max = 2000) String url,
            @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return agencyAdmin.register(url, language);
    }

    @POST
    @Path("admin/jadwal/cuti")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Records leave in the duty roster: who, from and until which dates, covered by whom")
    public Response recordLeave(@FormParam("person") @Size(max = 320) String person,
            @FormParam("from") @Size(max = 10) String from, @FormParam("until") @Size(max = 10) String until,
            @FormParam("cover") @Size(max = 320) String cover, @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return agencyAdmin.recordLeave(person, from, until, cover, language);
    }

    @POST
    @Path("admin/jadwal/giliran")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Adds a weekly shift to the duty roster: role, who, which days, from and until what time")
    public Response addShift(@FormParam("role") @Size(max = 40) String role,
            @FormParam("person") @Size(max = 320) String person, @FormParam("day") List<@Size(max = 9) String> days,
            @FormParam("start") @Size(max = 5) String start, @FormParam("end") @Size(max = 5) String end,
            @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return agencyAdmin.addShift(role, person, days, start, end, language);
    }

    @POST
    @Path("admin/jadwal/giliran/hapus")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Removes a shift from the duty roster, named by its role, person, days and hours")
    public Response removeShift(@FormParam("role") @Size(max = 40) String role,
            @FormParam("person") @Size(max = 320) String person, @FormParam("days") @Size(max = 80) String days,
            @FormParam("start") @Size(max = 5) String start, @FormParam("end") @Size(max = 5) String end,
            @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return agencyAdmin.removeShift(role, person, days, start, end, language);
    }

    @POST
    @Path("admin/webhook/rahasia")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Makes a new signing secret and shows it this once")
    public TemplateInstance rotateWebhookSecret(@CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return agencyAdmin.rotate(language);
    }

    @GET
    @Path("baru")
    @Operation(summary = "Rujukan baru: the form to refer a child; with kasus and dari, the form to hand that case "
            + "over, filled from that referral")
    public TemplateInstance newReferral(@QueryParam("kasus") @Size(max = 64) String caseId,
            @QueryParam("dari") @Size(max = 36) String fromReferralId,
            @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return caseId == null || fromReferralId == null ? newReferrals.blank(language)
                : newReferrals.handoff(caseId, fromReferralId, language);
    }

    @POST
    @Path("baru")
    @NeedsDirectory
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Submits the new-referral or handoff form: 303 to the referral; with step=preview, the "
            + "form again with where routing would send it; or the form again (400) with each wrong field's message")
    public Response submitReferral(@BeanParam NewReferralForm form,
            @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return newReferrals.submit(form, language);
    }

    @GET
    @Path("rujukan/{id}")
    @Operation(summary = "One referral, with the actions its state allows my agency")
    public TemplateInstance referral(@PathParam("id") String id, @QueryParam("sent") String sent,
            @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        return screen.render(id, language, "/console/rujukan/" + id, sent);
    }

    @POST
    @Path("rujukan/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Act on a referral from the console (a supervisor or head may act for an officer, or put "
            + "another in charge); answers 303 back to the referral")
    public Response act(@PathParam("id") String id, @PathParam("action") String action,
            @FormParam("reasonCode") @Size(max = 64) String reasonCode,
            @FormParam("outcomeCode") @Size(max = 64) String outcomeCode,
            @FormParam("milestone") @Size(max = 64) String milestone, @FormParam("note") @Size(max = 4000) String note,
            @FormParam("onBehalfOf") @Size(max = 128) String onBehalfOf,
            @FormParam("officerInCharge") @Size(max = 128) String officerInCharge) {
        ReferralAction chosen = ReferralScreen.chosen(action);
        ActionRequest request = ReferralScreen.request(chosen, reasonCode, outcomeCode, milestone, note, onBehalfOf,
                officerInCharge);
        Actions.requireMayActForOthers(caller.actsForOthers(), chosen, request);
        actions.act(caller.agencyId(), caller.actor(), id, chosen, request);
        return Response.seeOther(UriBuilder.fromPath("/console/rujukan/{id}").queryParam("sent", chosen.name())
                .build(id)).build();
    }

    @GET
    @Path("bahasa/{language}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD, Roles.AGENCY_ADMIN})
    @Operation(summary = "Chooses the console's language (id or en) and goes back to the inbox, or for an agency "
            + "admin who handles no referrals, to the agency's settings")
    public Response language(@PathParam("language") String language) {
        if (!language.equals("id") && !language.equals("en")) {
            throw new NotFoundException("No language " + language);
        }
        String home = viewers.current(language).works() ? "/console" : "/console/admin";
        return Response.seeOther(UriBuilder.fromPath(home).build())
                .cookie(new NewCookie.Builder(Viewers.LANGUAGE_COOKIE).value(language).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.LAX).maxAge(365 * 24 * 3600).build())
                .build();
    }

    private TemplateInstance list(String which, String agencyField, String state, String urgency, String category,
            String q, String language) {
        Viewer viewer = viewers.current(language);
        // an unknown filter value (an old bookmark, a hand-edited link) shows everything rather than an error page
        String chosenState = known(state, Arrays.stream(ReferralState.values()).map(Enum::name).toList());
        String chosenUrgency = known(urgency, Arrays.stream(Urgency.values()).map(Enum::name).toList());
        String chosenCategory = known(category, Arrays.stream(CaseCategory.values()).map(Enum::name).toList());
        StringBuilder query = new StringBuilder(agencyField).append(" = :agency");
        Parameters parameters = Parameters.with("agency", viewer.agencyId());
        if (chosenState != null) {
            query.append(" and state = :state");
            parameters.and("state", chosenState);
        } else if ("inbox".equals(which)) {
            query.append(" and state in :open");
            parameters.and("open", OPEN);
        }
        if (chosenUrgency != null) {
            query.append(" and urgency = :urgency");
            parameters.and("urgency", Urgency.valueOf(chosenUrgency));
        }
        if (chosenCategory != null) {
            query.append(" and category = :category");
            parameters.and("category", CaseCategory.valueOf(chosenCategory));
        }
        String reference = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        if (reference != null) {
            query.append(" and str(id) like :reference");
            parameters.and("reference", reference.replace("%", "").replace("_", "") + "%");
        }
        List<ReferralView> views = ReferralView.<ReferralView>find(query + " order by updatedAt desc", parameters)
                .page(0, LIST_LIMIT + 1).list();
        Instant now = clock.instant();
        Stream<ReferralView> shown = views.stream().limit(LIST_LIMIT);
        if ("inbox".equals(which)) {
            shown = shown.sorted(Row.mostUrgentFirst(now)); // the sent list stays newest change first
        }
        List<Row> rows = shown.map(view -> Row.of(view, viewer, viewers, now)).toList();
        long late = rows.stream().filter(Row::late).count();
        return Templates.list(new ListPage(which, chosenState, chosenUrgency, chosenCategory, reference, rows, late,
                views.size() > LIST_LIMIT, Arrays.stream(ReferralState.values()).map(Enum::name).toList(),
                List.of(Urgency.values()), List.of(CaseCategory.values())), viewer)
                .setAttribute(MessageBundles.ATTRIBUTE_LOCALE, viewer.locale());
    }

    private static String known(String value, List<String> values) {
        return value != null && values.contains(value) ? value : null;
    }
}
