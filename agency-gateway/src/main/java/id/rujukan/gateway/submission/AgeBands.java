package id.rujukan.gateway.submission;

import id.rujukan.contract.AgeBand;
import java.time.LocalDate;
import java.time.Period;

/** The age band that routing sees, instead of the birth date. */
public final class AgeBands {

    private AgeBands() {
    }

    public static AgeBand of(LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            return AgeBand.UNKNOWN;
        }
        int years = Period.between(birthDate, today).getYears();
        if (years < 1) {
            return AgeBand.INFANT_UNDER_1;
        }
        if (years < 5) {
            return AgeBand.TODDLER_1_TO_4;
        }
        if (years < 12) {
            return AgeBand.CHILD_5_TO_11;
        }
        return years < 18 ? AgeBand.ADOLESCENT_12_TO_17 : AgeBand.EIGHTEEN_OR_OVER;
    }
}
