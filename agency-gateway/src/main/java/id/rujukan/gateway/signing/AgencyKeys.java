package id.rujukan.gateway.signing;

import id.rujukan.contract.EventSignatures;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.problem.ProblemBody;
import id.rujukan.messaging.EventSigner;
import io.quarkus.logging.Log;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The private keys of the agencies this gateway acts for, one PEM file each in {@code rujukan.signing.key-dir}:
 * {@code <agencyId>.<keyName>.pem}, signing as key id {@code <agencyId>.<keyName>}. Where an agency has several
 * (a rotation under way), the last key name in sort order signs, so name keys so that they sort by age
 * ({@code 2026-11}, {@code 2027-05}). The shared gateway holds every agency's key; an agency's own gateway, only
 * its own. Every event the gateway writes is signed by the agency it speaks for ({@link EventSignatures}).
 */
@ApplicationScoped
public class AgencyKeys implements EventSigner {

    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+)\\.([A-Za-z0-9_-]+)\\.pem");

    @ConfigMapping(prefix = "rujukan.signing")
    public interface Config {

        /** The directory of the agencies' private keys (a mounted Secret in Kubernetes). */
        Path keyDir();
    }

    /** An agency's current key and its id. */
    private record Key(String keyId, PrivateKey privateKey) {
    }

    private final Map<String, Key> keys;

    public AgencyKeys(Config config) {
        this.keys = read(config.keyDir());
        Log.infof("Signing the events of %d agencies with keys from %s", keys.size(), config.keyDir());
    }

    /** Whether this gateway holds the agency's key, i.e. acts for it. */
    private boolean serves(String agencyId) {
        return keys.containsKey(agencyId);
    }

    /**
     * 403 for a caller of an agency this gateway does not act for, before anything of the request is done: it
     * could not sign what the agency does, and holds nothing of the agency's to read.
     */
    @ServerRequestFilter
    public Optional<Response> refuseOthers(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)
                || token.getClaim(Caller.AGENCY_CLAIM) == null
                || serves(token.getClaim(Caller.AGENCY_CLAIM).toString())) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(ProblemBody.MEDIA_TYPE)
                .entity(new ProblemBody("Forbidden", 403, "this gateway does not act for agency "
                        + token.getClaim(Caller.AGENCY_CLAIM) + ": use the agency's own gateway")).build());
    }

    @Override
    public Optional<Signed> sign(String agencyId, byte[] signedBytes) {
        return Optional.ofNullable(keys.get(agencyId))
                .map(key -> new Signed(key.keyId(), EventSignatures.sign(key.privateKey(), signedBytes)));
    }

    private static Map<String, Key> read(Path dir) {
        Map<String, Key> current = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            // in name order, so that an agency's last key name is the one kept
            for (Path file : files.sorted().toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                current.put(name.group(1), new Key(name.group(1) + "." + name.group(2),
                        EventSignatures.privateKey(Files.readString(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The agencies' signing keys could not be read from " + dir, e);
        }
        return current;
    }
}
