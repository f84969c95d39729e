package id.rujukan.notification.sms;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness shows each SMPP bind, up or being made again; it is down only when no SMS can leave at all: every
 * provider is an SMPP one, and none is bound. (A single dropped bind is made again at once, and the other
 * providers take its SMS meanwhile: no reason to call the service unready.)
 */
@Readiness
@ApplicationScoped
public class SmppBinds implements HealthCheck {

    private final SmsProviders providers;

    public SmppBinds(SmsProviders providers) {
        this.providers = providers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("smpp-binds");
        boolean anyBound = false;
        for (var bind : providers.smppBinds().entrySet()) {
            response.withData(bind.getKey(), bind.getValue() ? "bound" : "binding");
            anyBound |= bind.getValue();
        }
        return response.status(anyBound || providers.hasHttpRoute() || providers.smppBinds().isEmpty()).build();
    }
}
