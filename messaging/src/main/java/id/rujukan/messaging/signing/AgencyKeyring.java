package id.rujukan.messaging.signing;

import id.rujukan.contract.AgencyPublished;
import java.util.List;
import java.util.Optional;

/**
 * The agencies' public keys, from the directory, at a service that reads what agencies' gateways write. A service
 * without one refuses every event signed by an agency.
 */
public interface AgencyKeyring {

    /** The agency's keys, current and retired; empty if the agency is not in the directory. */
    Optional<List<AgencyPublished.SigningKey>> signingKeys(String agencyId);
}
