package id.rujukan.messaging.signing;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "rujukan.signing")
public interface SigningConfig {

    /**
     * The private keys this service signs with, one PEM file each (a mounted Secret in Kubernetes):
     * {@code <owner>.<keyName>.pem}, signing as key id {@code <owner>.<keyName>}. A gateway holds those of the
     * agencies it acts for; referral-service and notification-service, their own.
     */
    Path keyDir();

    /**
     * The services' public keys, each {@code <keyId>:<base64 X.509 key>}: the events a service signs verify with
     * these. After a rotation the old key stays listed, so that old events still verify.
     */
    Optional<List<String>> serviceKeys();
}
