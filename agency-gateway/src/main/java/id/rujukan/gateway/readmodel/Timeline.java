package id.rujukan.gateway.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The timeline of each referral, one line per event; an event delivered twice is written once. */
@ApplicationScoped
public class Timeline {

    private final EntityManager entityManager;

    public Timeline(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One line: what happened, who did it, when; no personal data of the child. */
    public record Entry(Instant at, String kind, String actorAgencyId, String actor, String fromState,
            String toState, String detail) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String eventId, UUID referralId, Entry entry) {
        entityManager.createNativeQuery("""
                insert into timeline_entry (referral_id, event_id, at, kind, actor_agency_id, actor, from_state,
                    to_state, detail)
                values (:referral, :event, :at, :kind, :agency, :actor, :from, :to, :detail)
                on conflict (event_id) do nothing""")
                .setParameter("referral", referralId).setParameter("event", eventId)
                .setParameter("at", Timestamp.from(entry.at())).setParameter("kind", entry.kind())
                .setParameter("agency", entry.actorAgencyId()).setParameter("actor", entry.actor())
                .setParameter("from", entry.fromState()).setParameter("to", entry.toState())
                .setParameter("detail", entry.detail()).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Entry> of(UUID referralId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select at, kind, actor_agency_id, actor, from_state, to_state, detail from timeline_entry
                where referral_id = :referral order by at, id""").setParameter("referral", referralId)
                .getResultList();
        return rows.stream().map(row -> new Entry(instant(row[0]), (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], (String) row[6])).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }
}
