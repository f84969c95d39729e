package id.rujukan.gateway.note;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.SealedData;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.protection.KeyErasedException;
import id.rujukan.messaging.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral's notes as a thread: kept sealed as each arrived with the lifecycle event of the action that
 * carried it (whoever wrote it, through whichever gateway), and opened only for a party agency, each read in
 * the audit trail.
 */
@ApplicationScoped
public class Notes {

    private final EntityManager entityManager;
    private final DataSealer sealer;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public Notes(EntityManager entityManager, DataSealer sealer, AuditTrail audit, ObjectMapper json) {
        this.entityManager = entityManager;
        this.sealer = sealer;
        this.audit = audit;
        this.json = json;
    }

    /** One note, opened: when, which agency and who wrote it, with which action, and what it says. */
    public record Note(Instant at, String agencyId, String actor, String action, String text) {
    }

    /** Keeps the note a change carried, sealed as it came; nothing if it carried none or came before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String eventId, ReferralStateChanged changed) {
        if (changed.note() == null) {
            return;
        }
        Writes.update(entityManager, """
                insert into referral_note (event_id, referral_id, at, agency_id, actor, action, sealed)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (event_id) do nothing""", eventId, UUID.fromString(changed.referralId()), changed.at(),
                changed.actorAgencyId(), changed.actor(), changed.action() == null ? "NOTE" : changed.action().name(),
                write(changed.note()));
    }

    /**
     * The thread, oldest first, opened for the calling agency and recorded in the audit trail.
     *
     * @param referralId checked already to be one the calling agency is a party to
     * @throws KeyErasedException if the referral's data was erased
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Note> read(UUID referralId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select at, agency_id, actor, action, sealed::text from referral_note
                where referral_id = :referral order by at, event_id""").setParameter("referral", referralId)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        try {
            List<Note> notes = rows.stream().map(row -> new Note(
                    row[0] instanceof Timestamp t ? t.toInstant() : (Instant) row[0], (String) row[1],
                    (String) row[2], (String) row[3], sealer.open(read((String) row[4]), String.class)))
                    .toList();
            audit.record("READ_NOTES", referralId, notes.size() + " notes");
            return notes;
        } catch (KeyErasedException e) {
            audit.record("READ_NOTES_ERASED", referralId, null);
            throw e;
        }
    }

    private String write(SealedData sealed) {
        try {
            return json.writeValueAsString(sealed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sealed note that was just read cannot be written", e);
        }
    }

    private SealedData read(String sealed) {
        try {
            return json.readValue(sealed, SealedData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sealed note as stored is not JSON", e);
        }
    }
}
