package id.rujukan.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.RandomMessageIDGenerator;

/**
 * An SMSC simulator: a real SMPP 3.4 server (jSMPP) that binds clients with a system id and password,
 * keeps every {@code submit_sm} it accepts, and sends a delivery receipt ({@code deliver_sm}) for each that
 * asked for one, a moment later as a real SMSC would. It can be taken down and brought back, made to refuse
 * submissions, or made to withhold receipts, which is how the tests see failover and unreliable receipts.
 */
public final class SmsCenter implements AutoCloseable {

    private final int port;
    private final String systemId;
    private final String password;
    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "smsc-receipts");
        thread.setDaemon(true);
        return thread;
    });
    private final RandomMessageIDGenerator messageIds = new RandomMessageIDGenerator();
    private volatile SMPPServerSessionListener listener;
    private volatile boolean refusing;
    private volatile DeliveryReceiptState receiptState = DeliveryReceiptState.DELIVRD;

    private SmsCenter(int port, String systemId, String password) {
        this.port = port;
        this.systemId = systemId;
        this.password = password;
    }

    /** Listens for SMPP binds on {@code port} (0 picks a free one). */
    public static SmsCenter start(int port, String systemId, String password) {
        SmsCenter center = new SmsCenter(port == 0 ? FreePorts.find() : port, systemId, password);
        center.listen();
        return center;
    }

    public int port() {
        return port;
    }

    /** Every message accepted so far, oldest first. */
    public List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    /** Drops every bound client and stops listening, as an unreachable SMSC would. */
    public void suspend() {
        SMPPServerSessionListener current = listener;
        listener = null;
        try {
            if (current != null) {
                current.close();
            }
        } catch (IOException e) {
            // closing a socket that is going away anyway
        }
        sessions.forEach(Session::unbindAndClose);
        sessions.clear();
    }

    /** Listens again on the same port. */
    public void resume() {
        listen();
    }

    /** While true, every {@code submit_sm} is answered with a system error. */
    public void refuseSubmissions(boolean refuse) {
        this.refusing = refuse;
    }

    /** The final state receipts report from now on; {@code null} sends none. */
    public void receipts(DeliveryReceiptState state) {
        this.receiptState = state;
    }

    private void listen() {
        try {
            SMPPServerSessionListener server = new SMPPServerSessionListener(port);
            server.setMessageReceiverListener(new Receiver());
            listener = server;
            Thread acceptor = new Thread(() -> accept(server), "smsc-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException("SMSC cannot listen on port " + port, e);
        }
    }

    private void accept(SMPPServerSessionListener server) {
        while (listener == server) {
            try {
                SMPPServerSession session = server.accept();
                Thread binder = new Thread(() -> bind(session), "smsc-bind");
                binder.setDaemon(true);
                binder.start();
            } catch (IOException e) {
                return; // the listener was closed
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            if (systemId.equals(request.getSystemId()) && password.equals(request.getPassword())) {
                request.accept(systemId);
                sessions.add(session);
            } else {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (TimeoutException | IOException | RuntimeException | PDUStringException e) {
            session.unbindAndClose();
        }
    }

    @Override
    public void close() {
        suspend();
        receipts.shutdownNow();
    }

    /** One message as the SMSC took it. */
    public record ReceivedSms(String messageId, String from, String to, String text, Instant at) {
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source)
                throws ProcessRequestException {
            if (refusing) {
                throw new ProcessRequestException("SMSC refusing submissions", SMPPConstant.STAT_ESME_RSYSERR);
            }
            var messageId = messageIds.newMessageId();
            String text = submit.getDataCoding() == 0 ? SmscAlphabet.decode(submit.getShortMessage())
                    : new String(submit.getShortMessage(), StandardCharsets.UTF_16BE);
            received.add(new ReceivedSms(messageId.getValue(), submit.getSourceAddr(), submit.getDestAddress(), text,
                    Instant.now()));
            DeliveryReceiptState state = receiptState;
            if (state != null && submit.getRegisteredDelivery() != 0) {
                // never from inside this callback: the client is still waiting for its submit_sm_resp
                receipts.schedule(() -> sendReceipt(source, submit, messageId.getValue(), state), 200,
                        TimeUnit.MILLISECONDS);
            }
            return new SubmitSmResult(messageId, new OptionalParameter[0]);
        }

        private void sendReceipt(SMPPServerSession session, SubmitSm submit, String messageId,
                DeliveryReceiptState state) {
            Date now = new Date();
            DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                    now, now, state, state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
            try {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        submit.getDestAddress(), TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                        submit.getSourceAddr(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                        receipt.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                // the client went away: its receipt is lost, as receipts often are
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
