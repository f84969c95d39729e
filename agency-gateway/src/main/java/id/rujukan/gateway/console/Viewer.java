package id.rujukan.gateway.console;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Who is looking at a page: their agency, its zone (times are shown in it), the language they chose
 * (Bahasa Indonesia unless they chose English), and what they do: work on referrals (an officer, supervisor or
 * head), supervise (a supervisor or head: the supervision page is theirs), administer the agency's settings.
 */
public record Viewer(String agencyId, String agencyName, ZoneId zone, Locale locale, Words words,
        boolean works, boolean supervises, boolean administers) {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    static Viewer of(String agencyId, String agencyName, ZoneId zone, String language, boolean works,
            boolean supervises, boolean administers) {
        boolean english = "en".equals(language);
        return new Viewer(agencyId, agencyName, zone, english ? Locale.ENGLISH : INDONESIAN,
                english ? MessageBundles.get(Words.class, Localized.Literal.of("en")) : MessageBundles.get(Words.class),
                works, supervises, administers);
    }

    /** The words of the agency admin's page, in the viewer's language. */
    public AdminWords adminWords() {
        return Locale.ENGLISH.equals(locale) ? MessageBundles.get(AdminWords.class, Localized.Literal.of("en"))
                : MessageBundles.get(AdminWords.class);
    }

    public String language() {
        return locale.getLanguage();
    }

    /** A code as words, e.g. {@code word("state", "ROUTED")}: "Menunggu konfirmasi". */
    public String word(String kind, Object code) {
        if (code == null) {
            return "–";
        }
        try {
            return (String) Words.class.getMethod(kind + "_" + code).invoke(words);
        } catch (ReflectiveOperationException e) {
            return code.toString(); // a code newer than this gateway's words: shown as it came, not hidden
        }
    }

    public String time(Instant instant) {
        return LocalTimes.at(instant, zone, locale);
    }

    /** A span of time in words: "2 jam 5 menit", "3 hari". */
    public String span(Duration span) {
        return span == null ? "–" : LocalTimes.span(span, words);
    }

    public String left(Instant due, Instant now) {
        return due == null ? null : LocalTimes.left(due, now, words);
    }
}
