package id.rujukan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionLinkAndGsm7Test {

    private static final byte[] SECRET = "a secret of thirty-two bytes!!!!".getBytes(StandardCharsets.UTF_8);
    private final Instant now = Instant.parse("2026-11-24T03:00:00Z");
    private final ActionLink link = new ActionLink(UUID.randomUUID(), "dinsos-1608", "SUPERVISOR",
            now.plus(3, ChronoUnit.DAYS));

    @Test
    void aSignedLinkReadsBackAsTheSameReferralRecipientAndExpiryAndIsShortEnoughForAnSms() {
        String token = link.sign(SECRET);

        assertThat(ActionLink.verify(token, SECRET, now, "dinsos-1608")).isEqualTo(link);
        assertThat(token).hasSize(44).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aForgedTamperedExpiredGarbledOrOtherAgencysLinkIsRefusedWithItsReason() {
        String token = link.sign(SECRET);
        char last = token.charAt(10);
        String tampered = token.substring(0, 10) + (last == 'A' ? 'B' : 'A') + token.substring(11);

        assertThatThrownBy(() -> ActionLink.verify(token, "another secret".getBytes(StandardCharsets.UTF_8), now,
                "dinsos-1608"))
                .hasMessage("The link is not signed by Rujukan");
        assertThatThrownBy(() -> ActionLink.verify(tampered, SECRET, now, "dinsos-1608"))
                .hasMessage("The link is not signed by Rujukan");
        assertThatThrownBy(() -> ActionLink.verify(token, SECRET, link.expiresAt(), "dinsos-1608"))
                .hasMessage("The link is expired");
        assertThatThrownBy(() -> ActionLink.verify(token, SECRET, now, "dinsos-1609"))
                .hasMessage("The link is for another agency");
        assertThatThrownBy(() -> ActionLink.verify("%%%", SECRET, now, "dinsos-1608"))
                .hasMessage("The link is malformed");
        assertThatThrownBy(() -> ActionLink.verify("abc", SECRET, now, "dinsos-1608"))
                .hasMessage("The link is malformed");
    }

    @Test
    void gsm7CountsEscapedCharactersTwiceAndRefusesWhatItCannotCarry() {
        assertThat(Gsm7.septets("Rujukan DARURAT: ref 3F2A1B9C @ Dinsos")).isEqualTo(38);
        assertThat(Gsm7.septets("[x]€")).isEqualTo(7);
        assertThat(Gsm7.septets("Ananda 👶")).isEqualTo(-1);
        assertThat(Gsm7.septets("ş")).isEqualTo(-1);
    }

    @Test
    void gsm7EncodingRoundTripsThroughTheUnpackedForm() {
        String text = "Eskalasi @ 10:42 {ref} [A1] ~ ä £5 € http://x/m/Ab_c-9";

        byte[] encoded = Gsm7.encode(text);

        assertThat(encoded).hasSize(Gsm7.septets(text));
        assertThat(encoded[text.indexOf('@')]).isEqualTo((byte) 0);
        assertThat(Gsm7.decode(encoded)).isEqualTo(text);
        assertThatThrownBy(() -> Gsm7.encode("😀")).isInstanceOf(IllegalArgumentException.class);
    }
}
