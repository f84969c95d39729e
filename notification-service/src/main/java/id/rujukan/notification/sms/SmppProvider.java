package id.rujukan.notification.sms;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * An SMSC over SMPP 3.4 (jSMPP): one transceiver bind, made at start and made again at once whenever it drops
 * (with doubling waits while the SMSC is away), so that receipts waiting at the SMSC flow without waiting for the
 * next SMS; kept alive with {@code enquire_link} at the provider's interval, shorter than its idle timeout.
 * {@code submit_sm} asks for a receipt, which comes back later as a {@code deliver_sm}; the text is encoded in
 * the alphabet the provider reads ({@link SmsAlphabet}).
 */
final class SmppProvider implements SmsProvider {

    /** The longest wait between two attempts to bind again. */
    private static final Duration MAX_REBIND_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final SmsConfig.Smpp config;
    private final String senderId;
    private final Consumer<SmsReceipt> receipts;
    private final ScheduledExecutorService rebinds;
    private SMPPSession session; // guarded by this
    private boolean closed; // guarded by this
    private Duration rebindWait = Duration.ofSeconds(1); // guarded by this

    SmppProvider(String name, SmsConfig.Smpp config, String senderId, Consumer<SmsReceipt> receipts) {
        this.name = name;
        this.config = config;
        this.senderId = senderId;
        this.receipts = receipts;
        this.rebinds = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smpp-bind-" + name);
            thread.setDaemon(true);
            return thread;
        });
        rebinds.execute(this::rebind);
    }

    // one submit at a time per bind: a second bind would need a second account on most SMSCs
    @Override
    public synchronized String submit(String to, String text) {
        SMPPSession bound = bound();
        SmsAlphabet alphabet = config.alphabet();
        try {
            return bound.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, senderId,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.startsWith("+") ? to.substring(1) : to,
                    new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    DataCodings.newInstance(alphabet.dataCoding()), (byte) 0, alphabet.encode(text)).getMessageId();
        } catch (NegativeResponseException e) {
            throw new SmsProviderException(name + " refused the message: status 0x"
                    + Integer.toHexString(e.getCommandStatus()));
        } catch (ResponseTimeoutException e) {
            drop();
            throw new SmsProviderException(name + " did not answer within " + config.responseTimeout(), e);
        } catch (PDUException | InvalidResponseException | IOException e) {
            drop();
            throw new SmsProviderException(name + " link failed: " + e.getMessage(), e);
        }
    }

    /** Whether the bind is up now: for readiness and the {@code rujukan.sms.smpp.bound} gauge. */
    synchronized boolean isBound() {
        return session != null && session.getSessionState().isBound();
    }

    String name() {
        return name;
    }

    private SMPPSession bound() {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(config.responseTimeout().toMillis());
        fresh.setEnquireLinkTimer((int) config.enquireLink().toMillis());
        fresh.setMessageReceiverListener(new Receipts());
        try {
            fresh.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                    config.password(), config.systemType().orElse(""), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.bindTimeout().toMillis());
        } catch (IOException e) {
            fresh.unbindAndClose();
            throw new SmsProviderException(name + " cannot be bound at " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        // a bind that ends (the SMSC's idle timeout, its unbind before a restart, a lost link) is made again at
        // once, not at the next SMS; rebind() does nothing once this provider is closed or bound again
        fresh.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED) {
                rebindSoon(Duration.ZERO);
            }
        });
        session = fresh;
        rebindWait = Duration.ofSeconds(1);
        return fresh;
    }

    private void rebindSoon(Duration wait) {
        if (!rebinds.isShutdown()) {
            rebinds.schedule(this::rebind, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void rebind() {
        if (closed || isBound()) {
            return;
        }
        try {
            bound();
            Log.infof("SMPP provider %s is bound", name);
        } catch (SmsProviderException e) {
            Duration wait = rebindWait;
            rebindWait = wait.multipliedBy(2).compareTo(MAX_REBIND_WAIT) > 0 ? MAX_REBIND_WAIT : wait.multipliedBy(2);
            Log.warnf("SMPP provider %s: %s; trying again in %s", name, e.getMessage(), wait);
            rebindSoon(wait);
        }
    }

    private void drop() {
        if (session != null) {
            SMPPSession dropped = session;
            session = null;
            dropped.unbindAndClose();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        rebinds.shutdownNow();
        drop();
    }

    /** Turns {@code deliver_sm} receipts into {@link SmsReceipt}s; other incoming messages are not expected. */
    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                return; // two-way replies are not supported on Indonesian routes; nothing to do with one
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                DeliveryReceiptState state = receipt.getFinalStatus();
                if (state == DeliveryReceiptState.ENROUTE || state == DeliveryReceiptState.ACCEPTD) {
                    return; // not final
                }
                receipts.accept(new SmsReceipt(name, messageId(deliverSm, receipt.getId()),
                        state == DeliveryReceiptState.DELIVRD, state.name()));
            } catch (InvalidDeliveryReceiptException e) {
                // no receipt text to read: the parameters alone, where the SMSC sends them, say which and how
                String tlvId = receiptedMessageId(deliverSm);
                OptionalParameter.Message_state tlvState = deliverSm.getOptionalParameter(
                        OptionalParameter.Message_state.class);
                if (tlvId == null || tlvState == null) {
                    Log.warnf("Unreadable delivery receipt from %s: %s", name, e.getMessage());
                    return;
                }
                OptionalParameter.Message_state.Message_state_enum state = tlvState.getMessageState();
                if (state == OptionalParameter.Message_state.Message_state_enum.ENROUTE
                        || state == OptionalParameter.Message_state.Message_state_enum.ACCEPTED
                        || state == OptionalParameter.Message_state.Message_state_enum.SCHEDULED) {
                    return; // not final
                }
                receipts.accept(new SmsReceipt(name, tlvId,
                        state == OptionalParameter.Message_state.Message_state_enum.DELIVERED, state.name()));
            }
        }

        /**
         * The SMSC's id for the message: the {@code receipted_message_id} parameter where it sends one (SMPP 3.4
         * 5.3.2.12; some SMSCs put the id only there, or a shortened one in the text), else the text's {@code id:}.
         */
        private String messageId(DeliverSm deliverSm, String textId) {
            String tlvId = receiptedMessageId(deliverSm);
            return tlvId != null ? tlvId : textId;
        }

        private String receiptedMessageId(DeliverSm deliverSm) {
            OptionalParameter.Receipted_message_id tlv = deliverSm.getOptionalParameter(
                    OptionalParameter.Receipted_message_id.class);
            return tlv == null || tlv.getValueAsString() == null || tlv.getValueAsString().isBlank() ? null
                    : tlv.getValueAsString().strip();
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // not used
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x03);
        }
    }
}
