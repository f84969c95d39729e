package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.gateway.evidence.EvidenceVerification;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The gateway's evidence log: what it sent and received, sealed in hash-chained blocks, and a verification that
 * names the first entry altered, removed or slipped in afterwards. The tampering is done as a database owner would
 * do it, with the log's append-only triggers set aside ({@code session_replication_role = replica}), and undone.
 */
@QuarkusTest
class EvidenceLogTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whatTheGatewaySentAndReceivedIsSealedAsItTravelledWithItsSignatureAndTheLogVerifies() throws Exception {
        String referralId = submit();
        ConsumerRecord<String, String> sent = SentToKafka.intakeFor(referralId).get(0);
        ReferralStateChanged routed = LifecycleEvents.routed(referralId, 1, "ROUTED", CaseCategory.CHILD_OF_DETAINEE,
                Urgency.HIGH, "routed");
        String receivedId = UUID.randomUUID().toString();
        String routedJson = json.writeValueAsString(routed);
        // as referral-service's relay sends it: the referral as the subject, signed by referral-service
        List<Header> headers = KafkaTestClient.signedCloudEvent(receivedId, EventTypes.REFERRAL_ROUTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, referralId, routedJson);
        KafkaTestResource.client().send(Topics.lifecycle("rutan-martapura"), referralId, routedJson, headers);
        String receivedSignature = headers.stream().filter(header -> header.key().equals("ce_signature"))
                .map(header -> new String(header.value(), StandardCharsets.UTF_8)).findFirst().orElseThrow();

        String sentId = KafkaTestClient.headerValue(sent, "ce_id").orElseThrow();
        await().atMost(WAIT).until(() -> sealed("SENT", sentId) && sealed("RECEIVED", receivedId));

        Map<String, Object> sentEntry = entry("SENT", sentId);
        assertThat(sentEntry).containsEntry("type", EventTypes.REFERRAL_SUBMITTED)
                .containsEntry("agency_id", "rutan-martapura").containsEntry("subject", referralId)
                .containsEntry("data_sha256", sha256(sent.value()))
                .containsEntry("signing_key", DevKeys.keyId("rutan-martapura"))
                .containsEntry("signature", KafkaTestClient.headerValue(sent, "ce_signature").orElseThrow());
        assertThat(entry("RECEIVED", receivedId)).containsEntry("type", EventTypes.REFERRAL_ROUTED)
                .containsEntry("source", CloudEventAttributes.SOURCE_REFERRAL_SERVICE)
                .containsEntry("subject", referralId).containsEntry("data_sha256", sha256(routedJson))
                .containsEntry("signing_key", DevKeys.keyId("referral-service"))
                .containsEntry("signature", receivedSignature);

        EvidenceVerification.Result result = verify();
        assertThat(result.failure()).isEmpty();
        assertThat(result.entries()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theLogRefusesToChangeOrRemoveAnEntry() throws Exception {
        long id = sealedEntryOf(submit());

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update evidence_entry set agency_id = 'x' where id = " + id))
                    .hasMessageContaining("the evidence log is append-only");
            assertThatThrownBy(() -> sql.executeUpdate("delete from evidence_entry where id = " + id))
                    .hasMessageContaining("the evidence log is append-only");
            assertThatThrownBy(() -> sql.executeUpdate("delete from evidence_block"))
                    .hasMessageContaining("the evidence log is append-only");
        }
        assertThat(verify().failure()).isEmpty();
    }

    @Test
    void anEntryAlteredAfterItWasSealedFailsVerificationAtThatEntry() throws Exception {
        long id = sealedEntryOf(submit());

        asOwner("update evidence_entry set agency_id = 'dinsos-1608' where id = " + id);
        try {
            assertThat(verify().failure()).hasValueSatisfying(failure -> {
                assertThat(failure.entryId()).isEqualTo(id);
                assertThat(failure.problem()).isEqualTo("the entry was altered after it was sealed");
            });
        } finally {
            asOwner("update evidence_entry set agency_id = 'rutan-martapura' where id = " + id);
        }
        assertThat(verify().failure()).isEmpty();
    }

    @Test
    void anEntryRemovedAfterItWasSealedFailsVerificationAtThatEntry() throws Exception {
        long id = sealedEntryOf(submit());

        asOwner("create table evidence_removed as select * from evidence_entry where id = " + id,
                "delete from evidence_entry where id = " + id);
        try {
            assertThat(verify().failure()).hasValueSatisfying(failure -> {
                assertThat(failure.entryId()).isEqualTo(id);
                assertThat(failure.problem()).isEqualTo("the entry is missing");
            });
        } finally {
            asOwner("insert into evidence_entry overriding system value select * from evidence_removed",
                    "drop table evidence_removed");
        }
        assertThat(verify().failure()).isEmpty();
    }

    @Test
    void anEntrySlippedIntoARangeAlreadySealedFailsVerificationAtIt() throws Exception {
        long sealed = sealedEntryOf(submit());
        String forged = UUID.randomUUID().toString();

        // a "received" event the gateway never had, dated among entries already sealed
        asOwner("insert into evidence_entry (xact, direction, event_id, type, source, agency_id, data_sha256) "
                + "select xact, 'RECEIVED', '" + forged + "', type, source, agency_id, data_sha256 "
                + "from evidence_entry where id = " + sealed);
        try {
            assertThat(verify().failure()).hasValueSatisfying(failure -> {
                assertThat(failure.eventId()).isEqualTo(forged);
                assertThat(failure.problem()).isEqualTo("the entry was added to a range already sealed");
            });
        } finally {
            asOwner("delete from evidence_entry where event_id = '" + forged + "'");
        }
        assertThat(verify().failure()).isEmpty();
    }

    private static String submit() {
        return given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).when().post("/api/v1/referrals").then().statusCode(202)
                .extract().path("referralId");
    }

    /** The id of the sealed entry of the referral's submission, once it is sealed. */
    private long sealedEntryOf(String referralId) throws Exception {
        String eventId = KafkaTestClient.headerValue(SentToKafka.intakeFor(referralId).get(0), "ce_id").orElseThrow();
        await().atMost(WAIT).until(() -> sealed("SENT", eventId));
        return ((Number) entry("SENT", eventId).get("id")).longValue();
    }

    private boolean sealed(String direction, String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select 1 from evidence_entry e join evidence_block b on e.id = any(b.entry_ids) "
                        + "where e.direction = ? and e.event_id = ?")) {
            select.setString(1, direction);
            select.setString(2, eventId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private Map<String, Object> entry(String direction, String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select * from evidence_entry where direction = ? and event_id = ?")) {
            select.setString(1, direction);
            select.setString(2, eventId);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("an entry for %s %s", direction, eventId).isTrue();
                Map<String, Object> entry = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    entry.put(rows.getMetaData().getColumnName(i), rows.getObject(i));
                }
                return entry;
            }
        }
    }

    private EvidenceVerification.Result verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return EvidenceVerification.verify(connection);
        }
    }

    /** Runs statements as the database's owner could, with the log's triggers set aside, in one transaction. */
    private void asOwner(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("set local session_replication_role = replica");
            for (String statement : statements) {
                sql.execute(statement);
            }
            connection.commit();
        }
    }

    private static String sha256(String data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8)));
    }
}
