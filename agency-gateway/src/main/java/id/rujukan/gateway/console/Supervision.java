package id.rujukan.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.rujukan.contract.Urgency;
import id.rujukan.gateway.reporting.Reports;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Pengawasan: what a supervisor or head watches. What is late now (every open referral addressed to their
 * agency, or their province's or the country's for a province or the Ministry, past a deadline), and how their
 * agency answered over the last 30 days: the share acknowledged and decided in time, and the median times.
 * The figures are referral-service's reports ({@link Reports}), scoped as the API's are.
 */
@ApplicationScoped
public class Supervision {

    /** The period the shares and medians are counted over. */
    static final Duration PERIOD = Duration.ofDays(30);

    private final Reports reports;
    private final Viewers viewers;
    private final Clock clock;

    public Supervision(Reports reports, Viewers viewers, Clock clock) {
        this.reports = reports;
        this.viewers = viewers;
        this.clock = clock;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance supervision(Page page, Viewer viewer);
    }

    /** A share in time: "45 dari 50 (90 %)"; nothing counted when {@code counted} is 0. */
    public record Share(long inTime, long counted, long percent) {
    }

    /** A referral past its deadline, as a line of the list. */
    public record Late(String id, String reference, String to, String urgency, boolean emergency, String category,
            String state, String deadline, String dueAt, String late) {
    }

    /** What the page shows. */
    public record Page(Share received, Share accepted, String medianReceive, String medianAccept, List<Late> late,
            long lateCount) {
    }

    public TemplateInstance render(String language) {
        Viewer viewer = viewers.current(language);
        Instant now = clock.instant();
        JsonNode recent = reports.report(viewer.agencyId(), null, null, null, null, now.minus(PERIOD), now);
        // what is late now, whenever it was referred
        JsonNode all = reports.report(viewer.agencyId(), null, null, null, null, null, null);
        List<Late> late = new ArrayList<>();
        for (JsonNode overdue : all.path("overdue")) {
            Instant due = Instant.parse(overdue.get("dueAt").asText());
            String urgency = overdue.get("urgency").asText();
            late.add(new Late(overdue.get("referralId").asText(),
                    Row.reference(UUID.fromString(overdue.get("referralId").asText())),
                    viewers.nameOf(overdue.path("targetAgencyId").asText(null)), viewer.word("urgency", urgency),
                    Urgency.EMERGENCY.name().equals(urgency), viewer.word("category", overdue.get("category").asText()),
                    viewer.word("state", overdue.get("state").asText()),
                    viewer.word("due", "RECEIVE".equals(overdue.get("deadline").asText()) ? "acknowledge" : "accept"),
                    viewer.time(due), viewer.left(due, now)));
        }
        Page page = new Page(share(recent.path("receivedInTime")), share(recent.path("acceptedInTime")),
                median(recent.path("medianTimeToReceive"), viewer), median(recent.path("medianTimeToAccept"), viewer),
                late, late.size());
        return Templates.supervision(page, viewer).setAttribute(MessageBundles.ATTRIBUTE_LOCALE, viewer.locale());
    }

    private static Share share(JsonNode share) {
        long counted = share.path("counted").asLong();
        long inTime = share.path("inTime").asLong();
        return new Share(inTime, counted, counted == 0 ? 0 : Math.round(100.0 * inTime / counted));
    }

    private static String median(JsonNode median, Viewer viewer) {
        return median.isTextual() ? viewer.span(Duration.parse(median.asText())) : null;
    }
}
