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
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Pengawasan: what a supervisor or head watches. What is late now (every open referral addressed to their
 * agency, or their province's or the country's for a province or the Ministry, past a deadline); how their
 * agency answered over the last 30 days: the share acknowledged and decided in time, and the median times; and
 * the caseload of the last six months, by month and by category, as bar charts drawn on the server (SVG, with
 * the figures in words for screen readers). The figures are referral-service's reports ({@link Reports}),
 * scoped as the API's are.
 */
@ApplicationScoped
public class Supervision {

    /** The period the shares and medians are counted over. */
    static final Duration PERIOD = Duration.ofDays(30);
    /** The months the caseload charts show, this one included. */
    static final int MONTHS = 6;
    /** The charts' drawing: each bar's row height, and the longest bar, in SVG units of a 320-wide chart. */
    static final int ROW = 34;
    static final int LONGEST = 270;

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

    /** A bar of a chart: its label, its count, how long it is drawn, and where its row starts. */
    public record Bar(String label, long count, int length, int y) {

        public int labelY() {
            return y + 12;
        }

        public int barY() {
            return y + 16;
        }

        public int countX() {
            return length + 4;
        }

        public int countY() {
            return y + 27;
        }
    }

    /** A bar chart: its bars, its height, and what it shows in words (read out instead of the drawing). */
    public record Chart(List<Bar> bars, int height, String words) {
    }

    /** What the page shows. */
    public record Page(Share received, Share accepted, String medianReceive, String medianAccept, List<Late> late,
            long lateCount, Chart byMonth, Chart byCategory, boolean caseload, int months) {
    }

    public TemplateInstance render(String language) {
        Viewer viewer = viewers.current(language);
        Instant now = clock.instant();
        String zone = viewer.zone().getId();
        JsonNode recent = reports.report(viewer.agencyId(), null, null, null, null, now.minus(PERIOD), now, zone);
        // what is late now, whenever it was referred; and the caseload by month
        JsonNode all = reports.report(viewer.agencyId(), null, null, null, null, null, null, zone);
        List<Late> late = new ArrayList<>();
        for (JsonNode overdue : all.path("overdue")) {
            Instant due = Instant.parse(overdue.get("dueAt").asText());
            String urgency = overdue.get("urgency").asText();
            late.add(new Late(overdue.get("referralId").asText(),
                    Row.reference(UUID.fromString(overdue.get("referralId").asText())),
                    viewers.nameOf(overdue.path("targetAgencyId").asText(null)), viewer.word("urgency", urgency),
                    Urgency.EMERGENCY.name().equals(urgency), viewer.word("category", overdue.get("category").asText()),
                    viewer.word("state", overdue.get("state").asText()),
                    viewer.word("due", switch (overdue.get("deadline").asText()) {
                        case "RECEIVE" -> "acknowledge";
                        case "PROGRESS" -> "progress";
                        default -> "accept";
                    }),
                    viewer.time(due), viewer.left(due, now)));
        }
        Page page = new Page(share(recent.path("receivedInTime")), share(recent.path("acceptedInTime")),
                median(recent.path("medianTimeToReceive"), viewer), median(recent.path("medianTimeToAccept"), viewer),
                late, late.size(), byMonth(all, viewer, now), byCategory(all, viewer, now),
                all.path("byMonth").size() > 0, MONTHS);
        return Templates.supervision(page, viewer).setAttribute(MessageBundles.ATTRIBUTE_LOCALE, viewer.locale());
    }

    /** The last {@link #MONTHS} months, this one last, each with its count (none is a bar of 0). */
    private static Chart byMonth(JsonNode report, Viewer viewer, Instant now) {
        Map<YearMonth, Long> counts = new TreeMap<>();
        YearMonth thisMonth = YearMonth.from(now.atZone(viewer.zone()));
        for (int back = MONTHS - 1; back >= 0; back--) {
            counts.put(thisMonth.minusMonths(back), 0L);
        }
        for (JsonNode month : report.path("byMonth")) {
            counts.computeIfPresent(YearMonth.parse(month.get("month").asText()),
                    (m, count) -> count + month.get("count").asLong());
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM yyyy", viewer.locale());
        Map<String, Long> labelled = new LinkedHashMap<>();
        counts.forEach((month, count) -> labelled.put(month.format(format), count));
        return chart(labelled, viewer);
    }

    /** The same months' referrals by category, most first. */
    private static Chart byCategory(JsonNode report, Viewer viewer, Instant now) {
        YearMonth first = YearMonth.from(now.atZone(viewer.zone())).minusMonths(MONTHS - 1);
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode month : report.path("byMonth")) {
            if (!YearMonth.parse(month.get("month").asText()).isBefore(first)) {
                counts.merge(month.get("category").asText(), month.get("count").asLong(), Long::sum);
            }
        }
        Map<String, Long> labelled = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> labelled.put(viewer.word("category", entry.getKey()), entry.getValue()));
        return chart(labelled, viewer);
    }

    private static Chart chart(Map<String, Long> counts, Viewer viewer) {
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        counts.forEach((label, count) -> {
            bars.add(new Bar(label, count, most == 0 ? 0 : (int) Math.max(count == 0 ? 0 : 2, LONGEST * count / most),
                    bars.size() * ROW));
            words.add(viewer.words().caseload_bar(label, count));
        });
        return new Chart(bars, Math.max(ROW, bars.size() * ROW), String.join("; ", words));
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
