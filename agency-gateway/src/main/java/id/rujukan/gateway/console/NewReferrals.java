package id.rujukan.gateway.console;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Sex;
import id.rujukan.contract.Urgency;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.gateway.guard.Parties;
import id.rujukan.gateway.idempotency.Idempotency;
import id.rujukan.gateway.protection.KeyErasedException;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.gateway.readmodel.ReferralViews;
import id.rujukan.gateway.routing.Destinations;
import id.rujukan.gateway.routing.ReferralServiceRouting;
import id.rujukan.gateway.submission.DetailsReader;
import id.rujukan.gateway.submission.ProtectedDetails;
import id.rujukan.gateway.submission.Submissions;
import id.rujukan.gateway.submission.SubmitReferral;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rujukan baru: the form an officer refers a child with, or hands a case over with. What it posts becomes the same
 * {@link SubmitReferral} the API takes and goes through the same checks, idempotency and {@link Submissions}; a
 * field that is wrong is shown again as typed, with its message in the officer's language beside it. Before
 * sending, the officer can see where routing would send it ({@link Destinations}).
 */
@ApplicationScoped
public class NewReferrals {

    /** Who may give consent, as the form offers it; the API takes free text, the form takes one of these. */
    public static final List<String> CONSENT_GIVERS = List.of("MOTHER", "FATHER", "GUARDIAN", "RELATIVE", "CHILD",
            "COURT", "OTHER");
    /** The path the idempotency key is kept under: the same form, whatever page it was reached from. */
    static final String PATH = "/console/baru";

    private final Viewers viewers;
    private final DirectoryCopy directory;
    private final Validator validator;
    private final Idempotency idempotency;
    private final Submissions submissions;
    private final Destinations destinations;
    private final ReferralViews views;
    private final Parties parties;
    private final DetailsReader details;

    public NewReferrals(Viewers viewers, DirectoryCopy directory, Validator validator, Idempotency idempotency,
            Submissions submissions, Destinations destinations, ReferralViews views, Parties parties,
            DetailsReader details) {
        this.destinations = destinations;
        this.views = views;
        this.parties = parties;
        this.details = details;
        this.viewers = viewers;
        this.directory = directory;
        this.validator = validator;
        this.idempotency = idempotency;
        this.submissions = submissions;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance newReferral(FormPage page, Viewer viewer);
    }

    /** A choice in a list: its value and its words. */
    public record Option(String value, String label) {
    }

    /**
     * Where routing would send the referral: the agency it would go to first and those it would try after a
     * decline; none when no agency fits; {@code unavailable} when referral-service could not say.
     */
    public record Destination(String first, String then, boolean unavailable) {
    }

    /**
     * The form: what was typed, the message per field, the lists to choose from, where it would go (once asked),
     * and whether it hands a case over rather than refers a child.
     */
    public record FormPage(NewReferralForm form, Map<String, String> errors, List<Option> agencies,
            List<Option> regions, List<CaseCategory> categories, List<ServiceNeeded> services,
            List<Urgency> urgencies, List<Sex> sexes, List<String> consentGivers, String today,
            Destination destination, boolean handoff, String reference) {

        /** The message of a field, or {@code null}: the template shows it beside the field. */
        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The empty form, the child's region preset to the officer's agency's own. */
    public TemplateInstance blank(String language) {
        Viewer viewer = viewers.current(language);
        NewReferralForm form = new NewReferralForm();
        form.key = UUID.randomUUID().toString();
        form.urgency = Urgency.NORMAL.name();
        form.regency = ownRegency(viewer);
        return page(form, Map.of(), viewer, null);
    }

    /**
     * The form to hand a case over, filled from the referral the officer came from (a read of the child's data,
     * audited): the receiving agency gets the child's data, consent and summary as the case holds them, and the
     * officer corrects what has changed. Only the agency responsible for the case may hand it over.
     */
    @Transactional
    public TemplateInstance handoff(String caseId, String fromReferralId, String language) {
        Viewer viewer = viewers.current(language);
        parties.requireCaseOwner(caseId, viewer.agencyId());
        UUID from = parties.requireParty(fromReferralId, viewer.agencyId());
        if (!views.caseOf(from).map(caseId::equals).orElse(false)) {
            throw new NotFoundException("Referral " + fromReferralId + " is not of case " + caseId);
        }
        ReferralView view = ReferralView.findById(from);
        NewReferralForm form = new NewReferralForm();
        form.key = UUID.randomUUID().toString();
        form.caseId = caseId;
        form.category = view.category.name();
        form.urgency = view.urgency.name();
        form.regency = ownRegency(viewer);
        try {
            ProtectedDetails known = details.read(from);
            SubmitReferral.Child child = known.child();
            form.childName = child.name();
            form.childNik = child.nik();
            form.childBirthDate = child.birthDate() == null ? null : child.birthDate().toString();
            form.childSex = child.sex() == null ? null : child.sex().name();
            form.childAddress = child.address();
            form.familyDetails = child.familyDetails();
            form.consentGiven = Boolean.TRUE.equals(known.consent().given()) ? "yes" : null;
            form.consentGivenBy = CONSENT_GIVERS.contains(known.consent().givenBy()) ? known.consent().givenBy() : null;
            form.consentNote = known.consent().note();
            form.summary = known.summary();
        } catch (KeyErasedException | NotFoundException e) {
            // erased, or never held here: the officer types what the receiving agency must know
        }
        return page(form, Map.of(), viewer, null);
    }

    /**
     * Shows where it would go ({@code step=preview}), or submits the referral or handoff, once per form key: 303
     * to the new referral's page; or the form again, 400, with each wrong field's message.
     */
    public Response submit(NewReferralForm form, String language) {
        Viewer viewer = viewers.current(language);
        String caseId = present(form.caseId);
        if (caseId != null) {
            parties.requireCaseOwner(caseId, viewer.agencyId());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        SubmitReferral body = body(form, viewer, errors);
        for (ConstraintViolation<SubmitReferral> violation : validator.validate(body)) {
            String field = field(violation.getPropertyPath().toString());
            errors.putIfAbsent(field, viewer.word("error", field));
        }
        if (caseId != null && body.targetAgencyId() == null) {
            errors.putIfAbsent("target", viewer.words().error_handoff_target());
        }
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(form, errors, viewer, null)).build();
        }
        if ("preview".equals(form.step)) {
            return Response.ok(page(form, Map.of(), viewer, destination(body, viewer))).build();
        }
        return idempotency.once(viewer.agencyId(), form.key, PATH, body, referralId -> {
            submissions.submit(viewer.agencyId(), referralId,
                    caseId == null ? ReferralKind.REFERRAL : ReferralKind.HANDOFF, caseId, body);
            return Response.seeOther(UriBuilder.fromPath("/console/rujukan/{id}").queryParam("sent",
                    caseId == null ? "SUBMIT" : "HANDOFF").build(referralId)).build();
        });
    }

    private Destination destination(SubmitReferral body, Viewer viewer) {
        return destinations.preview(body, LocalDate.now(viewer.zone())).map(preview -> {
            List<String> names = preview.candidates().stream().map(ReferralServiceRouting.Candidate::name).toList();
            return new Destination(names.isEmpty() ? null : names.get(0),
                    names.size() > 1 ? String.join(", ", names.subList(1, names.size())) : null, false);
        }).orElse(new Destination(null, null, true));
    }

    private String ownRegency(Viewer viewer) {
        return directory.agency(viewer.agencyId()).map(agency -> agency.region().regencyCode()).orElse(null);
    }

    /** The form as the API's body; a field that cannot even be read (a date that is no date) noted in errors. */
    private SubmitReferral body(NewReferralForm form, Viewer viewer, Map<String, String> errors) {
        LocalDate birthDate = null;
        if (present(form.childBirthDate) != null) {
            try {
                birthDate = LocalDate.parse(form.childBirthDate.strip());
            } catch (DateTimeParseException e) {
                errors.put("childBirthDate", viewer.word("error", "childBirthDate"));
            }
        }
        String regency = present(form.regency);
        String province = regency == null ? null : regency.split("\\.")[0];
        return new SubmitReferral(viewer.agencyId(), present(form.target),
                known(ServiceNeeded.class, form.serviceNeeded), known(CaseCategory.class, form.category),
                known(Urgency.class, form.urgency),
                new SubmitReferral.Child(present(form.childName), present(form.childNik), birthDate,
                        known(Sex.class, form.childSex), present(form.childAddress), present(form.familyDetails)),
                new SubmitReferral.ChildRegion(province, regency),
                new SubmitReferral.Consent("yes".equals(form.consentGiven) ? Boolean.TRUE : Boolean.FALSE,
                        form.consentGivenBy != null && CONSENT_GIVERS.contains(form.consentGivenBy)
                                ? form.consentGivenBy : null,
                        present(form.consentNote)),
                present(form.summary));
    }

    private TemplateInstance page(NewReferralForm form, Map<String, String> errors, Viewer viewer,
            Destination destination) {
        List<Option> agencies = directory.agencies().stream().filter(a -> !a.agencyId().equals(viewer.agencyId()))
                .sorted(Comparator.comparing(AgencyPublished::name))
                .map(a -> new Option(a.agencyId(), a.name())).toList();
        String caseId = present(form.caseId);
        return Templates.newReferral(new FormPage(form, errors, agencies, regions(), List.of(CaseCategory.values()),
                List.of(ServiceNeeded.values()), List.of(Urgency.values()), List.of(Sex.values()), CONSENT_GIVERS,
                LocalDate.now(viewer.zone()).toString(), destination, caseId != null,
                caseId == null ? null : caseReference(caseId)), viewer)
                .setAttribute(MessageBundles.ATTRIBUTE_LOCALE, viewer.locale());
    }

    /** A case is named as its first referral is: its id's first eight characters, upper case. */
    private static String caseReference(String caseId) {
        try {
            return Row.reference(UUID.fromString(caseId));
        } catch (IllegalArgumentException e) {
            return caseId;
        }
    }

    /**
     * The kabupaten/kota the directory has agencies in, each named after its Dinas Sosial (the agency every
     * regency has), or its first agency: the directory holds no names of regions of its own.
     */
    private List<Option> regions() {
        Map<String, List<AgencyPublished>> byRegency = directory.agencies().stream()
                .filter(a -> a.region().regencyCode() != null)
                .collect(Collectors.groupingBy(a -> a.region().regencyCode(), TreeMap::new, Collectors.toList()));
        return byRegency.entrySet().stream().map(entry -> new Option(entry.getKey(), entry.getKey() + " · "
                + entry.getValue().stream().sorted(Comparator.comparing((AgencyPublished a) -> a.type() != AgencyType.DINAS_SOSIAL_KABUPATEN_KOTA)
                        .thenComparing(AgencyPublished::name)).findFirst().map(AgencyPublished::name).orElseThrow()))
                .toList();
    }

    /** The form's name for a property of the API's body, e.g. {@code child.nik} is {@code childNik}. */
    static String field(String property) {
        return switch (property) {
            case "child.name" -> "childName";
            case "child.nik" -> "childNik";
            case "child.birthDate" -> "childBirthDate";
            case "child.sex" -> "childSex";
            case "child.address" -> "childAddress";
            case "child.familyDetails" -> "familyDetails";
            case "childRegion.provinceCode", "childRegion.regencyCode", "childRegion" -> "regency";
            case "targetAgencyId" -> "target";
            case "consent.given" -> "consentGiven";
            case "consent.givenBy" -> "consentGivenBy";
            case "consent.note" -> "consentNote";
            default -> property;
        };
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E known(Class<E> type, String value) {
        return Optional.ofNullable(value).flatMap(v -> Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(v)).findFirst()).orElse(null);
    }
}
