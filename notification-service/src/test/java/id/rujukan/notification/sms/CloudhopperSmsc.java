package id.rujukan.notification.sms;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppProcessingException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A second SMSC, built on Cloudhopper rather than the jSMPP simulator the other tests use, behaving as real
 * aggregators do where they differ: the id in {@code submit_sm_resp} in hex and the receipt's in decimal (or the
 * reverse, or the receipt's id only in {@code receipted_message_id}), binds dropped after a time without traffic,
 * and each {@code data_coding} read with Cloudhopper's own charsets. Receipts wait until a receiver is bound, as
 * an SMSC's do.
 */
final class CloudhopperSmsc implements AutoCloseable {

    /** How the SMSC writes the message id it answers {@code submit_sm} with, and the one in its receipt. */
    enum Ids {
        /** The answer in hex, the receipt's text in decimal: a common convention. */
        HEX_THEN_DECIMAL,
        /** The answer in decimal, the receipt's text in hex. */
        DECIMAL_THEN_HEX,
        /** The id only in the {@code receipted_message_id} parameter (with {@code message_state}); none in the text. */
        ONLY_IN_TLV
    }

    /**
     * A message as the SMSC read it by its {@code data_coding} (0 as unpacked GSM), with its bytes for a reading of
     * another kind: an SMSC that takes packed GSM is told so per account, not per message.
     */
    record Received(String to, String text, byte dataCoding, byte[] bytes) {
    }

    private final DefaultSmppServer server;
    private final int port;
    private final Ids ids;
    private final long dropIdleAfterMillis;
    private final AtomicLong nextId = new AtomicLong(0x4D2A_0001L);
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicReference<SmppServerSession> bound = new AtomicReference<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<DeliverSm> waiting = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private volatile long lastTraffic = System.currentTimeMillis();
    private volatile long receiptDelayMillis = 200;
    private volatile long lastIdleCheck;

    /**
     * @param dropIdleAfterMillis a bind without any PDU (not even {@code enquire_link}) this long is closed; 0 never
     */
    CloudhopperSmsc(Ids ids, long dropIdleAfterMillis) throws Exception {
        this.ids = ids;
        this.dropIdleAfterMillis = dropIdleAfterMillis;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        SmppServerConfiguration configuration = new SmppServerConfiguration();
        configuration.setPort(port);
        configuration.setHost("127.0.0.1");
        configuration.setMaxConnectionSize(4);
        configuration.setNonBlockingSocketsEnabled(true);
        configuration.setDefaultRequestExpiryTimeout(10_000);
        configuration.setDefaultWindowMonitorInterval(5_000);
        configuration.setDefaultWindowSize(5);
        configuration.setDefaultWindowWaitTimeout(10_000);
        configuration.setJmxEnabled(false);
        server = new DefaultSmppServer(configuration, new Binds(), Executors.newCachedThreadPool());
        server.start();
        if (dropIdleAfterMillis > 0) {
            timers.scheduleWithFixedDelay(this::dropIfIdle, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    int port() {
        return port;
    }

    /** Binds accepted so far. */
    int binds() {
        return binds.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The ids as the SMSC will answer {@code submit_sm}: in hex ({@link Ids#HEX_THEN_DECIMAL}) or decimal. */
    private String answered(long id) {
        return ids == Ids.HEX_THEN_DECIMAL ? Long.toHexString(id).toUpperCase(Locale.ROOT) : Long.toString(id);
    }

    /** When the SMSC last looked for an idle bind to drop. */
    long lastIdleCheck() {
        return lastIdleCheck;
    }

    /** Binds dropped for being idle. */
    int drops() {
        return drops.get();
    }

    private void dropIfIdle() {
        SmppServerSession session = bound.get();
        if (session != null && System.currentTimeMillis() - lastTraffic > dropIdleAfterMillis) {
            bound.set(null);
            drops.incrementAndGet();
            session.close();
            session.destroy();
        }
        lastIdleCheck = System.currentTimeMillis();
    }

    /** Sends what waits for a receiver, as soon as one is bound; one sender at a time, each receipt once. */
    private synchronized void deliverWaiting() {
        SmppServerSession session = bound.get();
        DeliverSm receipt;
        while (session != null && (receipt = waiting.peek()) != null) {
            try {
                session.sendRequestPdu(receipt, 5_000, false);
                waiting.poll();
            } catch (Exception e) {
                return; // the bind went; the receipt waits for the next one
            }
        }
    }

    private DeliverSm receiptFor(SubmitSm submit, long id) throws Exception {
        DeliverSm receipt = new DeliverSm();
        receipt.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
        receipt.setSourceAddress(new Address((byte) 1, (byte) 1, submit.getDestAddress().getAddress()));
        receipt.setDestAddress(new Address((byte) 5, (byte) 0, submit.getSourceAddress().getAddress()));
        String inText = switch (ids) {
            case HEX_THEN_DECIMAL -> "id:" + id + " ";
            case DECIMAL_THEN_HEX -> "id:" + Long.toHexString(id) + " ";
            case ONLY_IN_TLV -> "";
        };
        receipt.setShortMessage(CharsetUtil.encode(inText + "sub:001 dlvrd:001 submit date:2611281200 "
                + "done date:2611281201 stat:DELIVRD err:000 text:", CharsetUtil.CHARSET_GSM));
        if (ids == Ids.ONLY_IN_TLV) {
            receipt.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID,
                    (answered(id) + "\0").getBytes(StandardCharsets.ISO_8859_1)));
            receipt.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] {SmppConstants.STATE_DELIVERED}));
        }
        return receipt;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        server.stop();
        server.destroy();
    }

    private final class Binds implements SmppServerHandler {

        @Override
        public void sessionBindRequested(Long sessionId, SmppSessionConfiguration configuration, BaseBind bind)
                throws SmppProcessingException {
            configuration.setName("rujukan-" + sessionId);
        }

        @Override
        public void sessionCreated(Long sessionId, SmppServerSession session, BaseBindResp response) {
            session.serverReady(new Traffic());
            binds.incrementAndGet();
            lastTraffic = System.currentTimeMillis();
            bound.set(session);
            timers.execute(CloudhopperSmsc.this::deliverWaiting);
        }

        @Override
        public void sessionDestroyed(Long sessionId, SmppServerSession session) {
            bound.compareAndSet(session, null);
            session.destroy();
        }
    }

    private final class Traffic extends DefaultSmppSessionHandler {

        @Override
        public PduResponse firePduRequestReceived(PduRequest request) {
            lastTraffic = System.currentTimeMillis();
            if (request instanceof SubmitSm submit) {
                long id = nextId.getAndIncrement();
                received.add(new Received(submit.getDestAddress().getAddress(), read(submit), submit.getDataCoding(),
                        submit.getShortMessage()));
                SubmitSmResp response = submit.createResponse();
                response.setMessageId(answered(id));
                // the receipt a moment later, on whichever bind is up then
                timers.schedule(() -> {
                    try {
                        waiting.add(receiptFor(submit, id));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    deliverWaiting();
                }, receiptDelayMillis, TimeUnit.MILLISECONDS);
                return response;
            }
            return request.createResponse(); // enquire_link, unbind
        }
    }

    /** How long after a submission its receipt is ready. */
    void receiptDelay(long millis) {
        this.receiptDelayMillis = millis;
    }

    private static String read(SubmitSm submit) {
        byte[] bytes = submit.getShortMessage();
        return switch (submit.getDataCoding()) {
            case 0 -> CharsetUtil.decode(bytes, CharsetUtil.CHARSET_GSM);
            case 1 -> new String(bytes, StandardCharsets.US_ASCII);
            case 3 -> CharsetUtil.decode(bytes, CharsetUtil.CHARSET_ISO_8859_1);
            default -> throw new IllegalArgumentException("data_coding " + submit.getDataCoding());
        };
    }

    /** A packed message read as packed GSM: the SMSC is told per bind, not per message, so the test says which. */
    static String readPacked(byte[] bytes) {
        return CharsetUtil.decode(bytes, CharsetUtil.CHARSET_PACKED_GSM);
    }
}
