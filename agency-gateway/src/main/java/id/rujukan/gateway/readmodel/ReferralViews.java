package id.rujukan.gateway.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.SealedData;
import id.rujukan.messaging.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the read model: the referral as parties read it, who its parties are, who owns its case, its sealed
 * data. Two writers race (a submission, in its request's transaction, and the lifecycle consumer), so every
 * write is one upsert that keeps the row with the highest version.
 */
@ApplicationScoped
public class ReferralViews {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public ReferralViews(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Records a submission the gateway just published, unless a newer state is already known. */
    @Transactional
    public void submitted(ReferralSubmitted submitted) {
        addParties(UUID.fromString(submitted.referralId()), submitted.referringAgencyId());
        owner(submitted.caseId(), submitted.referringAgencyId(), 0);
        ofCase(UUID.fromString(submitted.referralId()), submitted.caseId());
        Writes.update(entityManager, """
                insert into sealed_details (referral_id, case_id, sealed) values (?, ?, cast(? as jsonb))
                on conflict do nothing""", UUID.fromString(submitted.referralId()), submitted.caseId(),
                toJson(submitted.sealedData()));
        upsert(UUID.fromString(submitted.referralId()), 0, ReferralView.SUBMITTED, submitted.referringAgencyId(),
                null, submitted.category().name(), submitted.urgency().name(), null, null, submitted.submittedAt(),
                submitted.submittedAt(), null, null, null, null, null);
    }

    /** Applies a change (routing or any later one), unless the row is already newer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(ReferralStateChanged changed) {
        addParties(UUID.fromString(changed.referralId()), changed.referringAgencyId(), changed.targetAgencyId(),
                changed.previousTargetAgencyId());
        owner(changed.caseId(), changed.caseOwnerAgencyId(), changed.version());
        ofCase(UUID.fromString(changed.referralId()), changed.caseId());
        upsert(UUID.fromString(changed.referralId()), changed.version(), changed.state(),
                changed.referringAgencyId(), changed.targetAgencyId(), changed.category().name(),
                changed.urgency().name(), changed.rule(), changed.reason(), changed.submittedAt(), changed.at(),
                changed.allowedActions() == null ? null : toJson(changed.allowedActions()), changed.receiveDueAt(),
                changed.acceptDueAt(), changed.officerInCharge(), changed.progressDueAt());
    }

    /**
     * Keeps the sealed personal data of a referral submitted through another agency's gateway, as its referrer
     * granted it with the case's key ({@link id.rujukan.contract.CaseKeyGranted}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void detailsGranted(UUID referralId, String caseId, SealedData details) {
        Writes.update(entityManager, """
                insert into sealed_details (referral_id, case_id, sealed) values (?, ?, cast(? as jsonb))
                on conflict do nothing""", referralId, caseId, toJson(details));
    }

    /** The sealed personal data of a referral submitted through this gateway, or granted to it. */
    public Optional<SealedData> sealedDetails(UUID referralId) {
        return entityManager.createNativeQuery("select sealed::text from sealed_details where referral_id = :referral")
                .setParameter("referral", referralId).getResultStream().findFirst()
                .map(sealed -> fromJson(sealed.toString()));
    }

    /** The referrals of a case that this gateway knows, whether or not it holds their personal data. */
    @SuppressWarnings("unchecked")
    public List<UUID> referralsOfCase(String caseId) {
        return entityManager.createNativeQuery("select referral_id from referral_case where case_id = :case "
                + "order by referral_id").setParameter("case", caseId).getResultList();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SealedData fromJson(String sealed) {
        try {
            return json.readValue(sealed, SealedData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case a referral belongs to, if the gateway holds its submission. */
    public Optional<String> caseOf(UUID referralId) {
        return entityManager.createNativeQuery("select case_id from sealed_details where referral_id = :referral")
                .setParameter("referral", referralId).getResultStream().findFirst().map(Object::toString);
    }

    /** The agency responsible for a case, if the gateway knows the case. */
    public Optional<String> caseOwner(String caseId) {
        return entityManager.createNativeQuery("select owner_agency_id from case_owner where case_id = :case")
                .setParameter("case", caseId).getResultStream().findFirst().map(Object::toString);
    }

    private void ofCase(UUID referralId, String caseId) {
        Writes.update(entityManager, "insert into referral_case (referral_id, case_id) values (?, ?) "
                + "on conflict do nothing", referralId, caseId);
    }

    private void owner(String caseId, String ownerAgencyId, long version) {
        Writes.update(entityManager, """
                insert into case_owner (case_id, owner_agency_id, version) values (?, ?, ?)
                on conflict (case_id) do update set owner_agency_id = excluded.owner_agency_id,
                    version = excluded.version
                where case_owner.version < excluded.version""", caseId, ownerAgencyId, version);
    }

    /** An escalation fired: the referral is overdue until its next change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markOverdue(UUID referralId) {
        Writes.update(entityManager, "update referral_view set overdue = true where id = ?", referralId);
    }

    private void addParties(UUID referralId, String... agencies) {
        for (String agency : agencies) {
            if (agency != null) {
                Writes.update(entityManager, "insert into referral_party (referral_id, agency_id) values (?, ?) "
                        + "on conflict do nothing", referralId, agency);
            }
        }
    }

    private void upsert(UUID id, long version, String state, String referrer, String target, String category,
            String urgency, String rule, String reason, Instant submittedAt, Instant updatedAt, String allowedActions,
            Instant receiveDueAt, Instant acceptDueAt, String officerInCharge, Instant progressDueAt) {
        Writes.update(entityManager, """
                insert into referral_view (id, version, state, referring_agency_id, target_agency_id, category,
                    urgency, routing_rule, routing_reason, submitted_at, updated_at, allowed_actions, receive_due_at,
                    accept_due_at, officer_in_charge, progress_due_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set version = excluded.version, state = excluded.state,
                    target_agency_id = excluded.target_agency_id,
                    routing_rule = coalesce(excluded.routing_rule, referral_view.routing_rule),
                    routing_reason = case when excluded.routing_rule is null then referral_view.routing_reason
                        else excluded.routing_reason end,
                    updated_at = excluded.updated_at, allowed_actions = excluded.allowed_actions, overdue = false,
                    receive_due_at = excluded.receive_due_at, accept_due_at = excluded.accept_due_at,
                    officer_in_charge = excluded.officer_in_charge, progress_due_at = excluded.progress_due_at
                where referral_view.version < excluded.version
                """, id, version, state, referrer, target, category, urgency, rule, reason, submittedAt, updatedAt,
                allowedActions, receiveDueAt, acceptDueAt, officerInCharge, progressDueAt);
    }
}
