package id.rujukan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rujukan.infra.MailRelay;
import id.rujukan.notification.RelayProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The question put to the relay when an email fails without a reason, against the STARTTLS relay with AUTH: it
 * names a refused login and a certificate not trusted as such, finds nothing wrong with a relay that takes us, and
 * asks again only for a failure after its last question.
 */
@QuarkusTest
@TestProfile(RelayProfile.class)
class RelayCheckTest {

    @Inject
    RelayCheck check;

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final MailRelay relay = RelayProfile.relay();

    @AfterEach
    void mend() {
        relay.password(RelayProfile.PASSWORD);
        relay.presentUntrustedCertificate(false);
        // a client refused by the relay may leave its connection open: the next test starts with none
        relay.dropSessions();
        await().atMost(WAIT).until(() -> relay.openSessions() == 0);
    }

    @Test
    void aRelayThatTakesOurLoginOverTlsRefusesNothing() {
        assertThat(check.refusal(System.nanoTime())).isEmpty();
    }

    @Test
    void aChangedPasswordIsNamedAsARefusedLogin() {
        relay.password("changed-by-the-relays-admin");

        assertThat(check.refusal(System.nanoTime())).get().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo("login");
            assertThat(refusal.detail()).contains("535");
        });
    }

    @Test
    void aCertificateOfAnotherNameIsNamedAsFailedTls() {
        relay.presentUntrustedCertificate(true);

        assertThat(check.refusal(System.nanoTime())).get().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo("tls");
            assertThat(refusal.detail()).contains("PKIX path validation failed");
        });
    }

    @Test
    void failuresBeforeAQuestionShareItsAnswerAndALaterFailureAsksAgain() {
        // sessions are counted below, so first let the mailer's pooled connections from other tests close
        // (they idle out after the keep-alive timeout)
        await().atMost(WAIT).until(() -> relay.openSessions() == 0);
        relay.password("changed-by-the-relays-admin");
        long failedBefore = System.nanoTime();
        assertThat(check.refusal(System.nanoTime())).get().extracting(RelayCheck.Refusal::reason).isEqualTo("login");
        // the relay records a session's end after the client has hung up, a moment after the answer
        await().atMost(WAIT).until(() -> relay.openSessions() == 0);
        int sessions = relay.endedSessions().size();

        // another sender's email that failed before that question: the same answer, and no session of its own
        // (a question connects before it answers, so a session it opened would be open or ended by now)
        assertThat(check.refusal(failedBefore)).get().extracting(RelayCheck.Refusal::reason).isEqualTo("login");
        assertThat(relay.openSessions()).isZero();
        assertThat(relay.endedSessions()).hasSize(sessions);

        relay.password(RelayProfile.PASSWORD);
        assertThat(check.refusal(System.nanoTime())).isEmpty();
        await().atMost(WAIT).until(() -> relay.openSessions() == 0);
        assertThat(relay.endedSessions()).hasSize(sessions + 1);
    }
}
