package id.rujukan.notification.delivery;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.DutyRoster;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.messaging.TraceContext;
import id.rujukan.notification.sms.ProvidersBusyException;
import id.rujukan.notification.template.AlertFacts;
import id.rujukan.notification.template.GapHours;
import id.rujukan.notification.template.UnknownTemplateException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where alerts leave: due notifications are claimed from the {@link DeliveryQueue} and each is sent by its
 * channel ({@link EmailChannel}, {@link SmsChannel}), by up to {@code rujukan.delivery.senders} senders at
 * once, since each send waits on a server (SMTP, an SMSC, an aggregator) rather than on this machine. SMS
 * that is not about an emergency waits out quiet hours; an attempt that fails is retried or failed by the
 * queue; what was handed over is recorded before the next one is taken.
 */
@ApplicationScoped
public class Deliveries {

    /** How soon to try again when every SMS provider is at its rate limit. */
    private static final Duration BUSY_WAIT = Duration.ofSeconds(1);

    private final DeliveryQueue queue;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final DirectoryCopy directory;
    private final QuietHours quietHours;
    private final ActionLinks links;
    private final Clock clock;
    private final Tracer tracer;
    /**
     * The senders' own threads, carrying no context of whoever woke them: a sender woken by a Kafka consumer
     * must not inherit that consumer's ordered context, or the mailer's callbacks queue behind the consumer's
     * next batch (which may wait for a rebalance) and the send times out.
     */
    private final ExecutorService executor;
    private final Semaphore senders;

    public Deliveries(DeliveryQueue queue, EmailChannel email, SmsChannel sms, DirectoryCopy directory,
            QuietHours quietHours, ActionLinks links, Clock clock, Tracer tracer, DeliveryConfig config) {
        this.queue = queue;
        this.email = email;
        this.sms = sms;
        this.directory = directory;
        this.quietHours = quietHours;
        this.links = links;
        this.clock = clock;
        this.tracer = tracer;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "alert-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.senders = new Semaphore(config.senders());
    }

    /**
     * Starts senders, up to the configured number, to send what is due; those already running carry on. Not
     * on the caller's thread: a Kafka consumer's ordered context is needed by the mailer's callbacks too, so
     * waiting there for the mail would wait for ever.
     */
    public void wake() {
        while (senders.tryAcquire()) {
            try {
                executor.execute(() -> {
                    try {
                        sendDue();
                    } finally {
                        senders.release();
                    }
                });
            } catch (RuntimeException e) {
                senders.release();
                throw e;
            }
        }
    }

    /** Delivers every queued notification that is due; the sweep also catches those a crash left behind. */
    @Scheduled(every = "${rujukan.delivery.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    private void sendDue() {
        List<Notification> claimed;
        do {
            claimed = queue.claimDue();
            claimed.forEach(this::attempt);
        } while (claimed.size() == DeliveryQueue.CLAIM_BATCH);
    }

    private void attempt(Notification notification) {
        UUID id = notification.id;
        // the trace of the request that queued it, however long it waited
        SpanBuilder builder = tracer.spanBuilder("deliver " + notification.channel)
                .setParent(TraceContext.of(notification.traceparent))
                .setAttribute("rujukan.notification.id", id.toString())
                .setAttribute("rujukan.agency.id", notification.agencyId)
                .setAttribute("rujukan.notification.channel", notification.channel)
                .setAttribute("rujukan.notification.attempt", notification.attempts);
        if (notification.referralId != null) {
            builder.setAttribute("rujukan.referral.id", notification.referralId);
        }
        Span span = builder.startSpan();
        try (Scope scope = span.makeCurrent()) {
            deliver(id, notification, span);
        } finally {
            span.end();
        }
    }

    private void deliver(UUID id, Notification notification, Span span) {
        try {
            AgencyPublished agency = directory.agency(notification.agencyId)
                    .orElseThrow(() -> new RetryableDeliveryException("agency " + notification.agencyId
                            + " not in this service's directory copy yet"));
            // whoever the roster has on duty now, when the alert goes (a deferred SMS meets the next shift)
            AgencyPublished.Contact contact = DutyRoster.onDuty(agency, notification.recipientRole, clock.instant())
                    .orElseThrow(() -> new PermanentDeliveryException("agency " + agency.agencyId() + " has nobody "
                            + "on duty as " + notification.recipientRole));
            ZoneId zone = ZoneId.of(Optional.ofNullable(contact.timeZone()).orElse(agency.timeZone()));
            HandedOver handedOver;
            switch (notification.channel) {
                case EmailChannel.EMAIL -> handedOver = email.send(id, notification, contact,
                        facts(notification, agency, contact, zone));
                case SmsChannel.SMS -> {
                    Optional<Instant> quietUntil = quietHours.deferUntil(notification.urgency, clock.instant(), zone);
                    if (quietUntil.isPresent()) {
                        span.addEvent("deferred: quiet hours");
                        queue.defer(id, quietUntil.get());
                        return;
                    }
                    handedOver = sms.send(notification, contact, facts(notification, agency, contact, zone));
                }
                default -> throw new PermanentDeliveryException("channel " + notification.channel
                        + " is not supported");
            }
            queue.recordSent(id, handedOver);
            span.setAttribute("rujukan.notification.provider", handedOver.provider());
        } catch (UnknownTemplateException | PermanentDeliveryException | IllegalArgumentException e) {
            failSpan(span, e);
            queue.fail(id, e.getMessage());
        } catch (ProvidersBusyException e) {
            span.addEvent("deferred: every SMS provider at its rate limit");
            queue.defer(id, clock.instant().plus(BUSY_WAIT));
        } catch (RuntimeException e) {
            failSpan(span, e);
            queue.retryOrFail(id, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
    }

    private static void failSpan(Span span, RuntimeException e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
    }

    private AlertFacts facts(Notification notification, AgencyPublished target, AgencyPublished.Contact contact,
            ZoneId zone) {
        String recipientName = Optional.ofNullable(contact.name()).orElse("Petugas");
        if (notification.gapFrom != null) {
            Locale locale = Locale.forLanguageTag("en".equals(contact.language()) ? "en" : "id");
            return AlertFacts.rosterGap(target.name(), recipientName, GapHours.of(
                    List.of(notification.gapRoles.split(",")), notification.gapFrom, notification.gapUntil, zone,
                    locale), links.console("admin"));
        }
        String referringName = directory.agency(notification.referringAgencyId).map(AgencyPublished::name)
                .orElse(notification.referringAgencyId);
        return new AlertFacts(notification.template, notification.level, notification.referralId,
                notification.referralId.substring(0, 8).toUpperCase(Locale.ROOT), notification.category,
                notification.urgency, referringName, target.name(),
                recipientName, links.issue(notification.referralId, notification.agencyId, notification.recipientRole));
    }
}
