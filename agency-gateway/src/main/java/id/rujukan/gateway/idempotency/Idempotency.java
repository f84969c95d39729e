package id.rujukan.gateway.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.gateway.problem.Problems;
import id.rujukan.messaging.Writes;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for every POST: the first request with a key is done and its answer kept; a
 * retry with the same key and the same request gets that answer again and does nothing more; the same
 * key with a different request gets 422. Keys are per agency, so one agency's keys never collide with
 * another's.
 * <p>
 * The claim of the key, everything the request does and the answer kept for it are one database
 * transaction: either all of it is committed or none of it, so a gateway that dies in the middle leaves
 * nothing behind and the retry simply does the request. A retry that arrives while the first is still
 * being done waits on the key's row (PostgreSQL holds the second insert until the first transaction ends)
 * and then gets the first's answer. What the request creates is named from the key and the request
 * ({@link #once(String, String, String, Object, Function)}), the same for every retry.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public Idempotency(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Runs {@code action} once per (agency, key), in one transaction. Without a key, just runs it, in one
     * transaction too.
     *
     * @param request what identifies the request: its path and its body
     */
    public Response once(String agencyId, String key, String path, Object request, Supplier<Response> action) {
        return once(agencyId, key, path, request, id -> action.get());
    }

    /**
     * Runs {@code action} once per (agency, key), in one transaction with the key's claim and its kept
     * answer, giving it the id of what it creates: the same for every retry of the same request with the
     * same key (a random one without a key). An exception from {@code action} rolls everything back, and
     * the key is free for the corrected retry.
     */
    public Response once(String agencyId, String key, String path, Object request, Function<UUID, Response> action) {
        if (key == null) {
            return QuarkusTransaction.requiringNew().call(() -> action.apply(UUID.randomUUID()));
        }
        if (key.isBlank() || key.length() > 200) {
            throw Problems.badRequest(HEADER, HEADER + " must be 1 to 200 characters");
        }
        String fingerprint = fingerprint(path, request);
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean first = Writes.update(entityManager, """
                    insert into idempotent_request (agency_id, idem_key, fingerprint) values (?, ?, ?)
                    on conflict do nothing""", agencyId, key, fingerprint) == 1;
            if (!first) {
                return replay(agencyId, key, fingerprint);
            }
            Response response = action.apply(UUID.nameUUIDFromBytes(
                    String.join("\n", agencyId, key, fingerprint).getBytes(StandardCharsets.UTF_8)));
            remember(agencyId, key, response);
            return response;
        });
    }

    private Response replay(String agencyId, String key, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select fingerprint, status, location, body from idempotent_request where agency_id = :agency "
                        + "and idem_key = :key").setParameter("agency", agencyId).setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content")
                    .withDetail("This Idempotency-Key was used for a different request").with("field", HEADER).build();
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
            Writes.update(entityManager, """
                    update idempotent_request set status = ?, location = ?, body = ?
                    where agency_id = ? and idem_key = ?""", response.getStatus(), location, body, agencyId, key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not storable", e);
        }
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
