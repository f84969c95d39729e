package id.rujukan.gateway.inbox;

import id.rujukan.gateway.submission.ReferralStatus;
import java.util.List;

/**
 * One page of referrals, newest change first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last one
 */
public record ReferralPage(List<ReferralStatus> items, String nextCursor) {
}
