package id.rujukan.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives ({@link AlertsPage} shows them).
 */
public final class MailServer implements AutoCloseable {

    private final int smtpPort;
    private volatile GreenMail greenMail;

    private MailServer(GreenMail greenMail, int smtpPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
    }

    /** Starts SMTP on {@code smtpPort} (0 picks a free one) on the loopback interface. */
    public static MailServer start(int smtpPort) {
        int port = smtpPort == 0 ? FreePorts.find() : smtpPort;
        return new MailServer(smtpOn(port), port);
    }

    private static GreenMail smtpOn(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Every message received so far, oldest first. */
    public List<ReceivedMail> received() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                mails.add(new ReceivedMail(
                        Arrays.stream(message.getAllRecipients()).map(Address::toString).collect(Collectors.joining(", ")),
                        message.getSubject(),
                        GreenMailUtil.getBody(message),
                        message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString(),
                        message.getMessageID(), Collections.list(message.getAllHeaderLines())));
            } catch (MessagingException e) {
                throw new IllegalStateException("Unreadable message in the mail server", e);
            }
        }
        return mails;
    }

    /** Stops accepting mail, as an unreachable SMTP server would; {@link #resume()} brings it back. */
    public void suspend() {
        greenMail.stop();
    }

    /** Accepts mail again on the same port; what was received before the suspension is gone. */
    public void resume() {
        greenMail = smtpOn(smtpPort);
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * One message as the SMTP server took it.
     *
     * @param headers every header line as it arrived, e.g. {@code From: Rujukan <noreply@...>}
     */
    public record ReceivedMail(String to, String subject, String body, String sentAt, String messageId,
            List<String> headers) {

        /** The value of the first header of that name, or {@code null}. */
        public String header(String name) {
            return headers.stream().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }
}
