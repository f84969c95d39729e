package id.rujukan.gateway.console;

import id.rujukan.contract.Urgency;
import id.rujukan.gateway.readmodel.ReferralView;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

/** A referral as one line of a list: its reference, its state and urgency in words, who and when. */
public record Row(String id, String reference, String state, String urgency, String category, boolean emergency,
        String from, String to, String respondBy, String left, boolean late, String changed) {

    /**
     * Most urgent first: what is late (an escalation fired, or its deadline passed), then the nearest deadline,
     * then emergencies before the rest, then the oldest.
     */
    static Comparator<ReferralView> mostUrgentFirst(Instant now) {
        return Comparator.<ReferralView, Boolean>comparing(view -> !isLate(view, now))
                .thenComparing(ReferralView::respondBy, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(view -> view.urgency)
                .thenComparing(view -> view.submittedAt);
    }

    static boolean isLate(ReferralView view, Instant now) {
        return view.overdue || view.respondBy() != null && view.respondBy().isBefore(now);
    }

    static Row of(ReferralView view, Viewer viewer, Viewers viewers, Instant now) {
        return new Row(view.id.toString(), reference(view.id), viewer.word("state", view.state),
                viewer.word("urgency", view.urgency), viewer.word("category", view.category),
                view.urgency == Urgency.EMERGENCY, viewers.nameOf(view.referringAgencyId),
                view.targetAgencyId == null ? "–" : viewers.nameOf(view.targetAgencyId),
                view.respondBy() == null ? null : viewer.time(view.respondBy()), viewer.left(view.respondBy(), now),
                isLate(view, now), viewer.time(view.updatedAt));
    }

    /** The reference officers quote on the phone and see in SMS: the first eight characters of the id. */
    static String reference(UUID id) {
        return id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
