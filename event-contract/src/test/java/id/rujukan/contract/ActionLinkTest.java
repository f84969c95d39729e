package id.rujukan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionLinkTest {

    private static final byte[] SECRET = "a secret of thirty-two bytes!!!!".getBytes(StandardCharsets.UTF_8);
    private final Instant now = Instant.parse("2026-11-24T03:00:00Z");
    private final ActionLink link = new ActionLink(UUID.randomUUID(), "dinsos-1608", "SUPERVISOR",
            now.plus(3, ChronoUnit.DAYS));

    @Test
    void aSignedLinkReadsBackAsTheSameReferralRecipientAndExpiryAndIsShortEnoughForAnSms() {
        String token = link.sign(SECRET);

        assertThat(ActionLink.verify(token, SECRET, now, "dinsos-1608")).isEqualTo(link);
        // letters and digits only: the same bytes in GSM-7, ASCII and Latin-1
        assertThat(token).hasSize(45).matches("[A-Za-z0-9]+");
    }

    @Test
    void aLinkSignedInBase64urlBeforeTokensWereBase62StillOpensUntilItExpires() {
        // signed by the previous version of this class, for this link
        String old = "DI56Uh87TW6aC1wtfo-aEAHIrrQCBHIgWLj_m_cGxrMR";
        ActionLink signed = new ActionLink(UUID.fromString("0c8e7a52-1f3b-4d6e-9a0b-5c2d7e8f9a10"), "dinsos-1608",
                "SUPERVISOR", Instant.parse("2026-11-27T03:00:00Z"));

        assertThat(ActionLink.verify(old, SECRET, now, "dinsos-1608")).isEqualTo(signed);
        assertThat(ActionLink.verify(signed.sign(SECRET), SECRET, now, "dinsos-1608")).isEqualTo(signed);
    }

    @Test
    void tokensOfLinksWhoseBytesStartWithZerosKeepTheirLengthAndReadBack() {
        // a referral id of zeros makes the number small: the token is padded, and reads back whole
        ActionLink zeros = new ActionLink(new UUID(0, 0), "dinsos-1608", "DUTY_OFFICER", link.expiresAt());

        assertThat(zeros.sign(SECRET)).hasSize(45).startsWith("0000");
        assertThat(ActionLink.verify(zeros.sign(SECRET), SECRET, now, "dinsos-1608")).isEqualTo(zeros);
        assertThatThrownBy(() -> ActionLink.verify("z".repeat(45), SECRET, now, "dinsos-1608"))
                .hasMessage("The link is malformed");
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
}
