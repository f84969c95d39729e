package id.rujukan.gateway.webhook;

import id.rujukan.messaging.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Queues an event for the webhooks of the agencies it concerns, in the consumer's transaction. */
@ApplicationScoped
public class WebhookQueue {

    private final EntityManager entityManager;
    private final Clock clock;

    public WebhookQueue(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** @param payload the JSON pushed: the event's id, type and data */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String eventId, String type, UUID referralId, String payload, Set<String> agencies) {
        Instant now = clock.instant();
        for (String agency : agencies) {
            Writes.update(entityManager, """
                    insert into webhook_delivery (agency_id, referral_id, event_id, event_type, payload, status,
                        created_at, next_attempt_at)
                    select ?, ?, ?, ?, ?, 'PENDING', ?, ?
                    where exists (select 1 from webhook where agency_id = ?)
                    on conflict (agency_id, event_id) do nothing""", agency, referralId, eventId, type, payload, now,
                    now, agency);
        }
    }
}
