package id.rujukan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.Urgency;
import id.rujukan.notification.sms.Gsm7;
import id.rujukan.notification.template.AlertFacts;
import id.rujukan.notification.template.GapHours;
import id.rujukan.notification.template.AlertTemplates;
import id.rujukan.notification.template.RenderedSms;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every SMS the templates can produce fits one GSM-7 message and says only what it may. */
@QuarkusTest
class AlertTemplatesTest {

    /** A production address of 30 characters and a token (always 45). */
    private static final String LINK = "https://rujukan.kemsos.go.id/m/" + "A".repeat(45);
    private static final List<String> LEVELS = Arrays.asList(null, "OFFICERS", "SUPERVISOR", "HEAD",
            "PROVINCE", "MINISTRY");

    @Inject
    AlertTemplates templates;

    @Test
    void everyEventInBothLanguagesFitsOneSmsWithTheWholeLinkEvenForTheLongestAgencyNames() {
        String longest = "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
                + "Berencana Provinsi Sumatera Selatan";
        for (String event : AlertTemplates.EVENTS) {
            if (event.equals("roster-gap")) {
                continue; // about the agency, not a referral: below
            }
            for (String language : List.of("id", "en")) {
                for (Urgency urgency : Urgency.values()) {
                    for (String level : LEVELS) {
                        AlertFacts facts = new AlertFacts(event, level, "3f2a1b9c-0000-4000-8000-000000000000",
                                "3F2A1B9C", CaseCategory.SEXUAL_VIOLENCE, urgency, "Polres Ogan Komering Ulu Timur",
                                longest, "Ibu Sari", LINK);
                        RenderedSms sms = templates.sms(event, facts, language);
                        assertThat(Gsm7.septets(sms.text())).as(sms.text()).isBetween(40, 160);
                        assertThat(sms.text()).endsWith(" " + LINK).contains("ref 3F2A1B9C")
                                .doesNotContain("Ibu Sari").doesNotContain("\n");
                        assertThat(sms.templateVersion()).isEqualTo("sms/" + language + "/1/" + event);
                    }
                }
            }
        }
    }

    @Test
    void aRosterGapFitsOneSmsInBothLanguagesEvenForTheLongestAgencyNameAndTheLongestHours() {
        String longest = "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
                + "Berencana Provinsi Sumatera Selatan";
        String console = "https://rujukan.kemsos.go.id/console/admin";
        for (String language : List.of("id", "en")) {
            for (String role : List.of("OFFICER", "SUPERVISOR", "HEAD")) {
                // a Wednesday in September: the longest day and month names either language has
                GapHours hours = GapHours.of(List.of(role), Instant.parse("2026-09-30T02:00:00Z"),
                        Instant.parse("2026-09-30T14:30:00Z"), ZoneId.of("Asia/Makassar"), Locale.forLanguageTag(language));
                RenderedSms sms = templates.sms("roster-gap", AlertFacts.rosterGap(longest, "Ibu Rina", hours, console),
                        language);
                assertThat(Gsm7.septets(sms.text())).as(sms.text()).isBetween(40, 160);
                assertThat(sms.text()).endsWith(" " + console).contains(hours.fromBrief()).contains(hours.untilBrief())
                        .contains("WITA").doesNotContain("Ibu Rina").doesNotContain("\n");
            }
        }
    }

    @Test
    void agencyNamesOutsideTheGsmAlphabetAreTransliteratedNotDropped() {
        AlertFacts facts = new AlertFacts("referral-new", null, "3f2a1b9c-0000-4000-8000-000000000000", "3F2A1B9C",
                CaseCategory.NEGLECT, Urgency.NORMAL, "Rutan", "LKSA Şafqat “Kasih” Bunda", "Pak Budi",
                "http://localhost:8080/m/abc");

        RenderedSms sms = templates.sms("referral-new", facts, "id");

        assertThat(sms.text()).isEqualTo("RUJUKAN BARU Biasa: ref 3F2A1B9C utk LKSA Safqat Kasih Bunda. "
                + "Mohon konfirmasi: http://localhost:8080/m/abc");
    }
}
