package id.rujukan.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} for every POST: the first request with a key is done and its answer kept; a
 * retry with the same key and the same request gets that answer again and does nothing more; the same
 * key with a different request gets 422, and a retry while the first is still being done gets 409.
 * Keys are per agency, so one agency's keys never collide with another's.
 * <p>
 * A gateway that dies while doing a request (after claiming its key, before keeping the answer) leaves
 * the claim behind; once it is older than {@code rujukan.idempotency.takeover-after}, a retry takes it
 * over and does the request again. What the request creates is named from the key and the request
 * ({@link #once(String, String, String, Object, Function)}), so doing it again re-creates the same
 * referral under the same id, which every consumer already has or ignores, instead of a second one.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Duration takeoverAfter;

    public Idempotency(EntityManager entityManager, ObjectMapper json,
            @ConfigProperty(name = "rujukan.idempotency.takeover-after") Duration takeoverAfter) {
        this.entityManager = entityManager;
        this.json = json;
        this.takeoverAfter = takeoverAfter;
    }

    /**
     * Runs {@code action} once per (agency, key). Without a key, just runs it.
     *
     * @param request what identifies the request: its path and its body
     */
    public Response once(String agencyId, String key, String path, Object request, Supplier<Response> action) {
        return once(agencyId, key, path, request, id -> action.get());
    }

    /**
     * Runs {@code action} once per (agency, key), giving it the id of what it creates: the same for every
     * retry of the same request with the same key (a random one without a key).
     */
    public Response once(String agencyId, String key, String path, Object request, Function<UUID, Response> action) {
        if (key == null) {
            return action.apply(UUID.randomUUID());
        }
        if (key.isBlank() || key.length() > 200) {
            throw Problems.badRequest(HEADER, HEADER + " must be 1 to 200 characters");
        }
        String fingerprint = fingerprint(path, request);
        boolean first = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                insert into idempotent_request (agency_id, idem_key, fingerprint) values (:agency, :key, :fingerprint)
                on conflict do nothing""").setParameter("agency", agencyId).setParameter("key", key)
                .setParameter("fingerprint", fingerprint).executeUpdate() == 1);
        if (!first && !takeOver(agencyId, key, fingerprint)) {
            return replay(agencyId, key, fingerprint);
        }
        Response response;
        try {
            response = action.apply(UUID.nameUUIDFromBytes(
                    String.join("\n", agencyId, key, fingerprint).getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            // nothing was done: the key is free again for a retry (or, if the database is away, once the
            // claim is old enough to be taken over)
            try {
                forget(agencyId, key);
            } catch (RuntimeException forgetting) {
                e.addSuppressed(forgetting);
            }
            throw e;
        }
        try {
            remember(agencyId, key, response);
        } catch (RuntimeException e) {
            // it was done: answer so. A retry is taken over once the claim is old enough, and does the same
            // thing under the same id
            Log.warnf("The answer to a request with an Idempotency-Key could not be kept: %s", e.toString());
        }
        return response;
    }

    /** Takes over a claim left unanswered for longer than a request can take (its gateway died doing it). */
    private boolean takeOver(String agencyId, String key, String fingerprint) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                update idempotent_request set claimed_at = now()
                where agency_id = :agency and idem_key = :key and fingerprint = :fingerprint and status is null
                  and claimed_at < now() - make_interval(secs => :seconds)""").setParameter("agency", agencyId)
                .setParameter("key", key).setParameter("fingerprint", fingerprint)
                .setParameter("seconds", (double) takeoverAfter.toMillis() / 1000).executeUpdate() == 1);
    }

    private Response replay(String agencyId, String key, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select fingerprint, status, location, body from idempotent_request where agency_id = :agency "
                        + "and idem_key = :key").setParameter("agency", agencyId).setParameter("key", key)
                .getResultList());
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content")
                    .withDetail("This Idempotency-Key was used for a different request").with("field", HEADER).build();
        }
        if (row[1] == null) {
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail("A request with this Idempotency-Key is still being processed; retry shortly")
                    .withHeader(HttpHeaders.RETRY_AFTER, 1).build();
        }
        Response.ResponseBuilder replayed = Response.status(((Number) row[1]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            replayed.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            try {
                replayed.entity(json.readValue((String) row[3], JsonNode.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored response unreadable", e);
            }
        }
        return replayed.build();
    }

    private void remember(String agencyId, String key, Response response) {
        try {
            String body = response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
            String location = response.getLocation() == null ? null : response.getLocation().toString();
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    update idempotent_request set status = :status, location = :location, body = :body
                    where agency_id = :agency and idem_key = :key""").setParameter("status", response.getStatus())
                    .setParameter("location", location).setParameter("body", body).setParameter("agency", agencyId)
                    .setParameter("key", key).executeUpdate());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not storable", e);
        }
    }

    private void forget(String agencyId, String key) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from idempotent_request where agency_id = :agency and idem_key = :key and status is null")
                .setParameter("agency", agencyId).setParameter("key", key).executeUpdate());
    }

    private String fingerprint(String path, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(path.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
