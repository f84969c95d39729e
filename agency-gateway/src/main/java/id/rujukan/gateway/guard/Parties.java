package id.rujukan.gateway.guard;

import id.rujukan.gateway.readmodel.ReferralViews;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.util.UUID;

/**
 * Who may see a referral at all: its parties, the referrer and its target now or before. For any other
 * agency the referral does not exist (404, never 403, which would tell it that it does). Every read and
 * every action by id passes here first.
 */
@ApplicationScoped
public class Parties {

    private final EntityManager entityManager;
    private final ReferralViews views;

    public Parties(EntityManager entityManager, ReferralViews views) {
        this.entityManager = entityManager;
        this.views = views;
    }

    /**
     * Only the agency responsible for a case may hand it over, whether through the API or the console.
     *
     * @throws NotFoundException if the gateway knows no such case
     * @throws ForbiddenException if another agency is responsible for it
     */
    public void requireCaseOwner(String caseId, String agencyId) {
        String owner = views.caseOwner(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
        if (!owner.equals(agencyId)) {
            throw new ForbiddenException("agency " + agencyId + " is not responsible for case " + caseId);
        }
    }

    /**
     * The referral's id, if the agency is a party to it.
     *
     * @throws NotFoundException if the id names no referral this agency is a party to
     */
    public UUID requireParty(String referralId, String agencyId) {
        UUID id;
        try {
            id = UUID.fromString(referralId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No referral " + referralId);
        }
        boolean party = !entityManager.createNativeQuery(
                "select 1 from referral_party where referral_id = :referral and agency_id = :agency")
                .setParameter("referral", id).setParameter("agency", agencyId).getResultList().isEmpty();
        if (!party) {
            throw new NotFoundException("No referral " + referralId);
        }
        return id;
    }
}
