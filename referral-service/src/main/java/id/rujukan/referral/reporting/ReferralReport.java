package id.rujukan.referral.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures officials quote, for one filter: how many referrals, by state and by category; the share
 * received and accepted in time; median times; and what is overdue now.
 *
 * @param receivedInTime among referrals whose receive deadline has passed or that were received
 * @param acceptedInTime among referrals whose accept deadline has passed or that were accepted
 */
public record ReferralReport(
        Filter filter,
        long total,
        Map<String, Long> byState,
        Map<String, Long> byCategory,
        Share receivedInTime,
        Share acceptedInTime,
        Duration medianTimeToReceive,
        Duration medianTimeToAccept,
        List<Overdue> overdue,
        Instant at) {

    public record Filter(String agencyId, String provinceCode, String regencyCode, String category, Instant from,
            Instant to) {
    }

    /** {@code inTime} of {@code counted}; {@code share} is null when nothing was counted. */
    public record Share(long inTime, long counted, Double share) {
    }

    /** An open referral past a deadline. */
    public record Overdue(String referralId, String targetAgencyId, String urgency, String category,
            String state, String deadline, Instant dueAt, Duration overdueBy) {
    }
}
