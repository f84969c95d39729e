package id.rujukan.referral.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures officials quote, for one filter: how many referrals, by state, by category and by month and category
 * (the caseload); the share
 * received and accepted in time; median times; and what is overdue now.
 *
 * @param receivedInTime among referrals whose receive deadline has passed or that were received
 * @param acceptedInTime among referrals whose accept deadline has passed or that were accepted
 * @param byOutcome completed referrals by outcome code
 * @param successfulOutcomes completed referrals whose outcome gave the child what was asked ({@code inTime} counts
 *        them), among all completed
 * @param declinesByReason declines by reason code; a referral declined by two agencies counts twice
 * @param overdue open referrals past a deadline: not received, not answered, or no progress recorded
 */
public record ReferralReport(
        Filter filter,
        long total,
        Map<String, Long> byState,
        Map<String, Long> byCategory,
        List<MonthCount> byMonth,
        Share receivedInTime,
        Share acceptedInTime,
        Duration medianTimeToReceive,
        Duration medianTimeToAccept,
        Map<String, Long> byOutcome,
        Share successfulOutcomes,
        Map<String, Long> declinesByReason,
        List<Overdue> overdue,
        Instant at) {

    /** @param zone the zone months are counted in, e.g. {@code Asia/Makassar} for an agency in WITA */
    public record Filter(String agencyId, String provinceCode, String regencyCode, String category, Instant from,
            Instant to, String zone) {
    }

    /** How many referrals of a category were submitted in a month ({@code 2026-11}), in the filter's zone. */
    public record MonthCount(String month, String category, long count) {
    }

    /** {@code inTime} of {@code counted}; {@code share} is null when nothing was counted. */
    public record Share(long inTime, long counted, Double share) {
    }

    /** An open referral past a deadline: {@code RECEIVE}, {@code ACCEPT} or {@code PROGRESS}. */
    public record Overdue(String referralId, String targetAgencyId, String urgency, String category,
            String state, String deadline, Instant dueAt, Duration overdueBy) {
    }
}
