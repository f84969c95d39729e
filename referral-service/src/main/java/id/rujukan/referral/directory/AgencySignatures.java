package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.messaging.signing.AgencyKeyring;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The agencies' public keys, from the directory this service keeps: every event an agency's gateway sends must be
 * signed with one of its agency's ({@link id.rujukan.messaging.signing.SignatureCheck}), so a gateway, or anyone
 * else who can write to the intake topics, cannot act in the name of an agency whose key it does not hold.
 */
@ApplicationScoped
public class AgencySignatures implements AgencyKeyring {

    private final Agencies agencies;

    public AgencySignatures(Agencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public Optional<List<AgencyPublished.SigningKey>> signingKeys(String agencyId) {
        return agencies.byId(agencyId).map(agency -> Objects.requireNonNullElse(agency.signingKeys, List.of()));
    }
}
