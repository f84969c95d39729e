package id.rujukan.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The log of events this service has processed, by CloudEvent id. Kafka delivers at least once; this
 * makes processing happen once, because the id is recorded in the same transaction as the effect.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final EntityManager entityManager;

    public ConsumedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the event as processed.
     *
     * @return {@code true} the first time for this id, {@code false} for a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId) {
        return Writes.update(entityManager,
                "insert into consumed_event (event_id) values (?) on conflict (event_id) do nothing", eventId) == 1;
    }

    /** Whether the event with this id has been processed. */
    @Transactional
    public boolean wasConsumed(String eventId) {
        return entityManager.createNativeQuery("select 1 from consumed_event where event_id = :id")
                .setParameter("id", eventId)
                .getResultList().size() == 1;
    }
}
