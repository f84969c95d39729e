package id.rujukan.gateway.submission;

import id.rujukan.contract.SealedData;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.protection.KeyErasedException;
import id.rujukan.gateway.readmodel.ReferralViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.UUID;

/**
 * Opens the child's sealed data for a party agency, whether through the API or the mobile page; every
 * read goes into the audit trail, a read after crypto-shredding too.
 */
@ApplicationScoped
public class DetailsReader {

    private final ReferralViews views;
    private final DataSealer sealer;
    private final AuditTrail audit;

    public DetailsReader(ReferralViews views, DataSealer sealer, AuditTrail audit) {
        this.views = views;
        this.sealer = sealer;
        this.audit = audit;
    }

    /**
     * @param referralId checked already to be one the calling agency is a party to
     * @throws NotFoundException if no personal data is held for it
     * @throws KeyErasedException if it was erased
     */
    public ProtectedDetails read(UUID referralId) {
        SealedData sealed = views.sealedDetails(referralId)
                .orElseThrow(() -> new NotFoundException("No personal data held for referral " + referralId));
        try {
            ProtectedDetails details = sealer.open(sealed, ProtectedDetails.class);
            audit.record("READ_DETAILS", referralId, null);
            return details;
        } catch (KeyErasedException e) {
            audit.record("READ_DETAILS_ERASED", referralId, null);
            throw e;
        }
    }
}
