package id.rujukan.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SMPP provider against a second SMPP implementation (Cloudhopper's, not the jSMPP simulator of the service's
 * other tests), set up as real aggregators differ: receipts carrying the message id in another base or only in a
 * parameter, binds dropped when idle, and each alphabet read with Cloudhopper's own charsets.
 */
class SmppProviderTest {

    private static final String TEXT = "[Rujukan] DARURAT: rujukan A1B2C3D4 utk Dinsos Kab. OKU Timur belum "
            + "ditanggapi. https://rujukan.kemsos.go.id/m/";

    /** The provider's settings, as application.properties would give them. */
    record Settings(String host, int port, String systemId, String password, Optional<String> systemType,
            Duration bindTimeout, Duration responseTimeout, Duration enquireLink, SmsAlphabet alphabet)
            implements SmsConfig.Smpp {

        static Settings of(CloudhopperSmsc smsc, Duration enquireLink, SmsAlphabet alphabet) {
            return new Settings("127.0.0.1", smsc.port(), "rujukan", "secret", Optional.empty(),
                    Duration.ofSeconds(5), Duration.ofSeconds(5), enquireLink, alphabet);
        }
    }

    private final List<SmsReceipt> receipts = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @EnumSource(CloudhopperSmsc.Ids.class)
    void everyReceiptNamesTheSubmittedMessageWhateverFormTheSmscGivesItsIdIn(CloudhopperSmsc.Ids ids)
            throws Exception {
        try (CloudhopperSmsc smsc = new CloudhopperSmsc(ids, 0);
                SmppProvider provider = new SmppProvider("aggregator", Settings.of(smsc, Duration.ofSeconds(30),
                        SmsAlphabet.GSM7), "RUJUKAN", receipts::add)) {
            String first = provider.submit("+6281200001608", TEXT + "one");
            String second = provider.submit("+6281200001608", TEXT + "two");

            await().atMost(Duration.ofSeconds(10)).until(() -> receipts.size() == 2);
            for (String submitted : List.of(first, second)) {
                assertThat(receipts).as("a receipt for %s (%s)", submitted, ids).anyMatch(receipt ->
                        receipt.delivered() && (receipt.messageId().equals(submitted)
                                || receipt.otherForms().contains(submitted)));
            }
        }
    }

    @Test
    void aBindTheSmscDropsWhenIdleIsMadeAgainAtOnceAndItsWaitingReceiptLandsWithoutAnotherSms() throws Exception {
        try (CloudhopperSmsc smsc = new CloudhopperSmsc(CloudhopperSmsc.Ids.HEX_THEN_DECIMAL, 2_000);
                SmppProvider provider = new SmppProvider("aggregator", Settings.of(smsc, Duration.ofSeconds(60),
                        SmsAlphabet.GSM7), "RUJUKAN", receipts::add)) {
            // the receipt is ready only after the SMSC has dropped the idle bind
            smsc.receiptDelay(3_000);
            String submitted = provider.submit("+6281200001608", TEXT + "idle");
            await().atMost(Duration.ofSeconds(10)).until(() -> smsc.binds() >= 2);

            await().atMost(Duration.ofSeconds(10)).until(() -> receipts.size() == 1);
            assertThat(receipts.get(0).otherForms()).contains(submitted);
            assertThat(smsc.received()).hasSize(1);
            await().atMost(Duration.ofSeconds(5)).until(provider::isBound);
        }
    }

    @Test
    void enquireLinksShorterThanTheSmscsIdleTimeoutKeepTheOneBind() throws Exception {
        try (CloudhopperSmsc smsc = new CloudhopperSmsc(CloudhopperSmsc.Ids.HEX_THEN_DECIMAL, 2_000);
                SmppProvider provider = new SmppProvider("aggregator", Settings.of(smsc, Duration.ofMillis(500),
                        SmsAlphabet.GSM7), "RUJUKAN", receipts::add)) {
            await().atMost(Duration.ofSeconds(10)).until(provider::isBound);
            long bound = System.currentTimeMillis();
            // the SMSC has looked at the bind after three of its idle timeouts with no SMS, and kept it
            await().atMost(Duration.ofSeconds(15)).until(() -> smsc.lastIdleCheck() > bound + 6_000);
            assertThat(smsc.drops()).isZero();
            assertThat(smsc.binds()).isEqualTo(1);
            assertThat(provider.isBound()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(SmsAlphabet.class)
    void eachAlphabetIsReadBackAsWrittenByAnSmscThatDecodesIt(SmsAlphabet alphabet) throws Exception {
        String text = TEXT + "Xy9Qw3Lm";
        try (CloudhopperSmsc smsc = new CloudhopperSmsc(CloudhopperSmsc.Ids.HEX_THEN_DECIMAL, 0);
                SmppProvider provider = new SmppProvider("aggregator", Settings.of(smsc, Duration.ofSeconds(30),
                        alphabet), "RUJUKAN", receipts::add)) {
            provider.submit("+6281200001608", text);

            await().atMost(Duration.ofSeconds(10)).until(() -> smsc.received().size() == 1);
            CloudhopperSmsc.Received received = smsc.received().get(0);
            assertThat(received.dataCoding()).isEqualTo(alphabet.dataCoding());
            String read = alphabet == SmsAlphabet.GSM7_PACKED ? CloudhopperSmsc.readPacked(received.bytes())
                    : received.text();
            // seven spare bits at the end of packed septets are a carriage return (GSM 03.38), never text
            assertThat(read).isIn(text, text + "\r");
        }
    }
}
