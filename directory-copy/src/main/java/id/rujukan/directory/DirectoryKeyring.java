package id.rujukan.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.messaging.signing.AgencyKeyring;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The agencies' public signing keys from this service's copy of the directory: what an agency signed and another
 * service passed on unchanged (a case key granted by a referral's referrer) is checked against them.
 */
@ApplicationScoped
public class DirectoryKeyring implements AgencyKeyring {

    private final DirectoryCopy copy;

    public DirectoryKeyring(DirectoryCopy copy) {
        this.copy = copy;
    }

    @Override
    public Optional<List<AgencyPublished.SigningKey>> signingKeys(String agencyId) {
        return copy.agency(agencyId).map(agency -> Objects.requireNonNullElse(agency.signingKeys(), List.of()));
    }
}
