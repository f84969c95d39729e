package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The gateway as one agency runs it for itself: configured with the agency it acts for (its key, the topics it
 * reads, its own consumer group), it reads that agency's topics and no other's, and turns away any other agency's
 * caller.
 */
@QuarkusTest
@TestProfile(OwnGatewayTest.DinasSosialsOwn.class)
class OwnGatewayTest {

    static final String OWN = "dinsos-1608";
    static final String GROUP = "gateway." + OWN + ".events";

    public static class DinasSosialsOwn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rujukan.signing.key-dir", ownKeyOnly().toString(),
                    "rujukan.gateway.agencies", OWN,
                    "rujukan.gateway.consumer-group", GROUP);
        }

        /**
         * A key directory with Dinas Sosial's keys alone (signing and grant), as the Secret of its own gateway holds
         * them.
         */
        private static Path ownKeyOnly() {
            try {
                Path dir = Files.createTempDirectory("own-gateway-keys");
                for (String file : new String[] {DevKeys.keyId(OWN) + ".pem", DevKeys.keyId(OWN) + ".grant.pem"}) {
                    Files.copy(DevKeys.dir().resolve(file), dir.resolve(file));
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void itReadsItsOwnAgencysLifecycleAndAlertStatusTopicsAndNoOtherAgencys() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(assignedTopics(admin))
                    .containsExactlyInAnyOrder(Topics.lifecycle(OWN), Topics.notificationStatus(OWN)));
        }

        ReferralStateChanged routed = LifecycleEvents.routed(UUID.randomUUID().toString(), 2, "ROUTED",
                CaseCategory.NEGLECT, Urgency.HIGH, "routed");
        KafkaTestResource.client().sendEvent(Topics.lifecycle(OWN), routed.referralId(), EventTypes.REFERRAL_ROUTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(routed));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.agency(OWN))
                .get("/api/v1/referrals/" + routed.referralId()).then().statusCode(200)
                .body("state", equalTo("ROUTED")));
    }

    @Test
    void itTurnsAwayACallerOfAnotherAgencyBeforeDoingAnything() {
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).post("/api/v1/referrals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("does not act for agency rutan-martapura"));
    }

    /** The topics the partitions of this gateway's consumer group are assigned from. */
    private static Set<String> assignedTopics(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(Set.of(GROUP)).all()
                .get(10, TimeUnit.SECONDS).get(GROUP);
        return group.members().stream().flatMap(member -> member.assignment().topicPartitions().stream())
                .map(TopicPartition::topic).collect(Collectors.toSet());
    }
}
