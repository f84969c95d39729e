package id.rujukan.gateway.audit;

import id.rujukan.gateway.identity.Caller;
import id.rujukan.messaging.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Records every read and write of a referral's personal data, and answers an agency admin's questions. */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager entityManager;
    private final Caller caller;
    private final Clock clock;

    public AuditTrail(EntityManager entityManager, Caller caller, Clock clock) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.clock = clock;
    }

    /** One access: who, for which agency, did what to which referral's personal data, when. */
    @Schema(name = "AuditEntry")
    public record Entry(Instant at, String agencyId, String actor, String action, String referralId, String detail) {
    }

    /**
     * Records an access by the calling agency's client or user, in the transaction that does it: a write
     * and its audit entry are committed together, or neither is.
     */
    @Transactional
    public void record(String action, UUID referralId, String detail) {
        Writes.update(entityManager, """
                insert into audit_entry (at, agency_id, actor, action, referral_id, detail)
                values (?, ?, ?, ?, ?, ?)""", clock.instant(), caller.agencyId(), caller.actor(), action, referralId,
                detail);
    }

    /** What the agency's clients and users did, newest first, optionally for one referral. */
    @SuppressWarnings("unchecked")
    public List<Entry> of(String agencyId, UUID referralId, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select at, agency_id, actor, action, referral_id::text, detail from audit_entry
                where agency_id = :agency and (cast(:referral as uuid) is null or referral_id = cast(:referral as uuid))
                order by at desc, id desc limit :limit""")
                .setParameter("agency", agencyId).setParameter("referral", referralId == null ? null : referralId.toString())
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new Entry(row[0] instanceof Timestamp t ? t.toInstant() : (Instant) row[0],
                (String) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5])).toList();
    }
}
