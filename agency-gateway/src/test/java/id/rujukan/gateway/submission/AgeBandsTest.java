package id.rujukan.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;

import id.rujukan.contract.AgeBand;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void bandsFollowCompletedYearsOfAge() {
        assertThat(AgeBands.of(LocalDate.of(2026, 10, 1), TODAY)).isEqualTo(AgeBand.INFANT_UNDER_1);
        assertThat(AgeBands.of(LocalDate.of(2025, 11, 24), TODAY)).isEqualTo(AgeBand.TODDLER_1_TO_4);
        assertThat(AgeBands.of(LocalDate.of(2021, 11, 25), TODAY)).isEqualTo(AgeBand.TODDLER_1_TO_4);
        assertThat(AgeBands.of(LocalDate.of(2021, 11, 24), TODAY)).isEqualTo(AgeBand.CHILD_5_TO_11);
        assertThat(AgeBands.of(LocalDate.of(2014, 11, 24), TODAY)).isEqualTo(AgeBand.ADOLESCENT_12_TO_17);
        assertThat(AgeBands.of(LocalDate.of(2008, 11, 25), TODAY)).isEqualTo(AgeBand.ADOLESCENT_12_TO_17);
        assertThat(AgeBands.of(LocalDate.of(2008, 11, 24), TODAY)).isEqualTo(AgeBand.EIGHTEEN_OR_OVER);
    }

    @Test
    void anUnknownBirthDateIsAnUnknownBand() {
        assertThat(AgeBands.of(null, TODAY)).isEqualTo(AgeBand.UNKNOWN);
    }
}
