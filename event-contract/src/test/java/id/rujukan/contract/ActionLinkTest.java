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
}
