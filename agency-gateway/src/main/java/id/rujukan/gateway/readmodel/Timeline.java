package id.rujukan.gateway.readmodel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import id.rujukan.messaging.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The timeline of each referral, one line per event; an event delivered twice is written once. */
@ApplicationScoped
public class Timeline {

    private final EntityManager entityManager;

    public Timeline(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * One line: what happened, who did it, when; no personal data of the child. {@code facts}, for a state change,
     * are its codes, which the console words; the API gives the line as recorded.
     */
    @Schema(name = "TimelineEntry")
    public record Entry(Instant at, String kind, String actorAgencyId, String actor, String fromState,
            String toState, String detail, @JsonIgnore Facts facts) {

        public Entry(Instant at, String kind, String actorAgencyId, String actor, String fromState, String toState,
                String detail) {
            this(at, kind, actorAgencyId, actor, fromState, toState, detail, null);
        }
    }

    /** A state change's codes: where it went, by which rule, why, who is in charge; each may be null. */
    public record Facts(String targetAgencyId, String rule, String reasonCode, String officerInCharge) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String eventId, UUID referralId, Entry entry) {
        Facts facts = entry.facts() == null ? new Facts(null, null, null, null) : entry.facts();
        Writes.update(entityManager, """
                insert into timeline_entry (referral_id, event_id, at, kind, actor_agency_id, actor, from_state,
                    to_state, detail, target_agency_id, rule, reason_code, officer_in_charge)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (event_id) do nothing""", referralId, eventId, entry.at(), entry.kind(),
                entry.actorAgencyId(), entry.actor(), entry.fromState(), entry.toState(), entry.detail(),
                facts.targetAgencyId(), facts.rule(), facts.reasonCode(), facts.officerInCharge());
    }

    @SuppressWarnings("unchecked")
    public List<Entry> of(UUID referralId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select at, kind, actor_agency_id, actor, from_state, to_state, detail, target_agency_id, rule,
                    reason_code, officer_in_charge
                from timeline_entry where referral_id = :referral order by at, id""")
                .setParameter("referral", referralId).getResultList();
        return rows.stream().map(row -> new Entry(instant(row[0]), (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], (String) row[6],
                new Facts((String) row[7], (String) row[8], (String) row[9], (String) row[10]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }
}
