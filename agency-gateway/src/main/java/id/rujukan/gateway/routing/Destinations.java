package id.rujukan.gateway.routing;

import id.rujukan.gateway.submission.AgeBands;
import id.rujukan.gateway.submission.SubmitReferral;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Where a referral would be sent if it were submitted now, asked of referral-service with the facts routing
 * reads (the child's age band, never the birth date). Only a preview: nothing is sent, and a preview that cannot
 * be had does not stop the referral.
 */
@ApplicationScoped
public class Destinations {

    private final ReferralServiceRouting routing;
    public Destinations(@RestClient ReferralServiceRouting routing) {
        this.routing = routing;
    }

    /** The preview; empty when referral-service does not answer. */
    public Optional<ReferralServiceRouting.Preview> preview(SubmitReferral referral, LocalDate today) {
        try {
            return Optional.of(routing.preview(referral.targetAgencyId(),
                    referral.serviceNeeded() == null ? null : referral.serviceNeeded().name(),
                    referral.category().name(), AgeBands.of(referral.child().birthDate(), today).name(),
                    referral.urgency().name(), referral.childRegion().provinceCode(),
                    referral.childRegion().regencyCode()));
        } catch (ProcessingException | WebApplicationException e) {
            Log.warnf("No routing preview: referral-service answered %s", e.getMessage());
            return Optional.empty();
        }
    }
}
