package id.rujukan.referral.deadline;

import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CaseCategory;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long an agency has to answer a referral, per urgency, and the clocks that laws set. Checked at
 * start by {@link DeadlinePolicy}: the service does not start with a policy it cannot apply.
 */
@ConfigMapping(prefix = "rujukan.deadlines")
public interface DeadlineConfig {

    /** Keyed by urgency, lower case: {@code emergency}, {@code high}, {@code normal}, {@code low}. */
    Map<String, Window> urgency();

    /** Clocks a law sets for a category of case, keyed by a short name, e.g. {@code litmas}. */
    Map<String, LegalClock> legal();

    /** The public holidays file, a file path or a classpath resource. */
    @WithName("holidays-file")
    String holidaysFile();

    interface Window {
        /** The referral must be received (pushed, read, or acknowledged) within this time of routing. */
        Duration receivedWithin();

        /** The referral must be accepted or declined within this time of routing. */
        Duration acceptedWithin();

        /**
         * Once accepted, progress must be recorded at least this often: the first time within this of the
         * acceptance, then within this of the last report. A missed report escalates like a missed answer.
         */
        Duration progressEvery();
    }

    interface LegalClock {
        CaseCategory category();

        /** The kinds of receiving agency the clock runs for. */
        List<AgencyType> agencyTypes();

        /** Counted from routing, in calendar time (the law counts hours: 3 x 24 h). */
        Duration within();

        /** The progress milestone that stops the clock, e.g. {@code LITMAS_SUBMITTED}. */
        String milestone();

        /** The law, for the timeline. */
        String law();

        /**
         * While the clock runs, progress must be recorded at least this often, if that is more often than the
         * urgency asks.
         */
        Optional<Duration> progressEvery();
    }
}
