package id.rujukan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import id.rujukan.contract.ActionLink;
import id.rujukan.notification.sms.Gsm7;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The links in alerts, as SMSCs that read an SMS's bytes in different alphabets deliver them. */
class ActionLinksTest {

    /** The production settings' shape: addresses and a 32-byte secret. */
    record Settings(String baseUrl, String consoleUrl, String secret, Duration ttl) implements ActionLinks.Config {
    }

    @Test
    void everyLinkReadsTheSameInGsm7AsciiAndLatin1WhateverItsToken() {
        Random random = new Random(20261128);
        String base = "https://rujukan.kemsos.go.id/m/";
        for (int i = 0; i < 10_000; i++) {
            Instant now = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(200_000_000));
            ActionLinks links = new ActionLinks(new Settings(base, "https://rujukan.kemsos.go.id/console/", "secret-" + random.nextLong() + "-0123456789abcdefghij",
                    Duration.ofHours(72)), Clock.fixed(now, ZoneOffset.UTC));
            String link = links.issue(new UUID(random.nextLong(), random.nextLong()).toString(),
                    "agency-" + random.nextInt(10_000), ActionLink.ROLES.get(random.nextInt(ActionLink.ROLES.size())));

            byte[] sent = Gsm7.encode(link);
            assertThat(new String(sent, StandardCharsets.US_ASCII)).as("read as ASCII").isEqualTo(link);
            assertThat(new String(sent, StandardCharsets.ISO_8859_1)).as("read as Latin-1").isEqualTo(link);
            assertThat(link).startsWith(base).matches(ActionLinks.LINK_SAFE + "[A-Za-z0-9]{45}");
        }
    }
}
