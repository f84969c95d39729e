package id.rujukan.notification.sms;

import io.quarkus.logging.Log;
import java.io.IOException;
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
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * An SMSC over SMPP 3.4 (jSMPP): one transceiver bind, made when first needed and made again after the
 * link drops; {@code submit_sm} asks for a receipt, which comes back later as a {@code deliver_sm}.
 */
final class SmppProvider implements SmsProvider {

    private final String name;
    private final SmsConfig.Smpp config;
    private final String senderId;
    private final Consumer<SmsReceipt> receipts;
    private SMPPSession session; // guarded by this

    SmppProvider(String name, SmsConfig.Smpp config, String senderId, Consumer<SmsReceipt> receipts) {
        this.name = name;
        this.config = config;
        this.senderId = senderId;
        this.receipts = receipts;
    }

    // one submit at a time per bind: a second bind would need a second account on most SMSCs
    @Override
    public synchronized String submit(String to, String text) {
        SMPPSession bound = bound();
        try {
            return bound.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, senderId,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.startsWith("+") ? to.substring(1) : to,
                    new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, DataCodings.ZERO, (byte) 0,
                    Gsm7.encode(text)).getMessageId();
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

    private SMPPSession bound() {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(config.responseTimeout().toMillis());
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
        session = fresh;
        return fresh;
    }

    private void drop() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    @Override
    public synchronized void close() {
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
                receipts.accept(new SmsReceipt(name, receipt.getId(), state == DeliveryReceiptState.DELIVRD,
                        state.name()));
            } catch (InvalidDeliveryReceiptException e) {
                Log.warnf("Unreadable delivery receipt from %s: %s", name, e.getMessage());
            }
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
