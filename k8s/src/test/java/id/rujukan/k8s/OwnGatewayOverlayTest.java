package id.rujukan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The overlay that deploys one agency's own gateway (k8s/overlays/own-gateway, Dinas Sosial OKU Timur's), as kubectl
 * renders it, held against the central deployment it joins (the prod overlay) and against the KafkaUser
 * {@code onboard.sh --own-gateway} makes for the agency: it runs the gateway alone, acting for its agency, and reaches
 * the centre only where the centre lets it in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnGatewayOverlayTest {

    private static final Path ROOT = Path.of(System.getProperty("rujukan.root", "..")).toAbsolutePath().normalize();
    private static final String AGENCY = "dinsos-1608";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Rendered own;
    private Rendered central;
    private KafkaUser user;
    private Container gateway;
    private Map<String, String> config;
    private JsonNode clients;

    @BeforeAll
    void render() throws Exception {
        own = Rendered.overlay(ROOT.resolve("k8s"), "own-gateway");
        central = Rendered.overlay(ROOT.resolve("k8s"), "prod");
        Path agencies = Files.createTempDirectory("own-gateway-agencies");
        ProcessBuilder onboard = new ProcessBuilder(ROOT.resolve("k8s/agencies/onboard.sh").toString(),
                "--own-gateway", AGENCY, agencies.resolve("keys").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        onboard.environment().put("AGENCIES_DIR", agencies.toString());
        Process script = onboard.start();
        assertThat(script.waitFor(30, TimeUnit.SECONDS) && script.exitValue() == 0).as("onboard.sh").isTrue();
        user = Rendered.kustomization(agencies, "onboarded").named(KafkaUser.class, "gateway-" + AGENCY);
        clients = JSON.readTree(agencies.resolve("keys/gateway-" + AGENCY + ".clients.json").toFile());
        gateway = own.named(Deployment.class, "agency-gateway").getSpec().getTemplate().getSpec().getContainers()
                .get(0);
        config = new HashMap<>();
        for (EnvFromSource from : gateway.getEnvFrom()) {
            config.putAll(own.named(ConfigMap.class, from.getConfigMapRef().getName()).getData());
        }
    }

    @Test
    void itRunsTheGatewayAloneWithItsOwnDatabaseAndNothingOfTheCentre() {
        assertThat(own.unknownFields).isEmpty();
        assertThat(own.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactly("agency-gateway");
        assertThat(own.objects).extracting(o -> o.getClass().getSimpleName()).doesNotContain("Kafka", "KafkaTopic",
                "KafkaUser", "KafkaNodePool", "Keycloak", "KeycloakRealmImport");
        assertThat(own.all(Models.CnpgCluster.class)).extracting(c -> c.metadata.getName())
                .containsExactly("gateway-db");
        assertThat(config.get("QUARKUS_DATASOURCE_JDBC_URL")).startsWith("jdbc:postgresql://gateway-db-rw:");
        PodSpec pod = own.named(Deployment.class, "agency-gateway").getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(gateway.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    }

    @Test
    void itActsForItsAgencyInTheConsumerGroupsAndWithTheCredentialsItsKafkaUserHas() {
        assertThat(config).containsEntry("RUJUKAN_GATEWAY_AGENCIES", AGENCY);
        AclRuleGroupResource groups = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()
                .stream().map(acl -> acl.getResource()).filter(AclRuleGroupResource.class::isInstance)
                .map(AclRuleGroupResource.class::cast).findFirst().orElseThrow();
        assertThat(groups.getPatternType()).isEqualTo(AclResourcePatternType.PREFIX);
        assertThat(config.get("RUJUKAN_GATEWAY_CONSUMER_GROUP")).startsWith(groups.getName());
        // the SASL line the User Operator wrote for that user, copied to the agency's cluster under its name
        EnvVar jaas = gateway.getEnv().stream().filter(env -> env.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                .findFirst().orElseThrow();
        assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(user.getMetadata().getName());
    }

    @Test
    void itReachesTheCentreOnlyWhereTheCentreLetsItIn() {
        // Kafka: the central cluster's external listener, TLS and SCRAM, whose certificate names the address
        GenericKafkaListener external = central.named(Kafka.class, "rujukan").getSpec().getKafka().getListeners()
                .stream().filter(listener -> listener.getName().equals("external")).findFirst().orElseThrow();
        assertThat(external.isTls()).isTrue();
        assertThat(external.getAuth().getType()).isEqualTo("scram-sha-512");
        assertThat(config).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(
                external.getConfiguration().getBootstrap().getAlternativeNames().get(0) + ":" + external.getPort());
        // referral-service: the host of its Ingress, which serves the routing preview and the reports only
        Ingress referral = central.named(Ingress.class, "referral-service");
        assertThat(URI.create(config.get("QUARKUS_REST_CLIENT_REFERRAL_SERVICE_URL")).getHost())
                .isEqualTo(referral.getSpec().getRules().get(0).getHost());
        // and its pod may reach its database, Kafka's listener and HTTPS, nothing else
        NetworkPolicy policy = own.named(NetworkPolicy.class, "agency-gateway");
        assertThat(policy.getSpec().getEgress()).flatExtracting(rule -> rule.getPorts())
                .extracting(NetworkPolicyPort::getPort).extracting(port -> port.getIntVal())
                .containsExactlyInAnyOrder(5432, external.getPort(), 443);
        assertThat(own.named(NetworkPolicy.class, "default-deny").getSpec().getPolicyTypes())
                .containsExactlyInAnyOrder("Ingress", "Egress");
    }

    @Test
    void itsKeycloakClientsAreTheSharedGatewaysWithTokensForReferralServiceNamingItsAgency() throws Exception {
        JsonNode realm = JSON.readTree(ROOT.resolve("k8s/base/keycloak/rujukan-realm.json").toFile());
        JsonNode officers = client(clients, config.get("QUARKUS_OIDC_MOBILE_CLIENT_ID"));
        JsonNode service = client(clients, config.get("QUARKUS_OIDC_CLIENT_CLIENT_ID"));
        // the same token contents as the shared gateway's clients: audiences, roles, the agency of an officer
        assertThat(mappers(officers)).isEqualTo(mappers(client(realm.get("clients"), "rujukan-gateway")));
        Map<String, JsonNode> own = mappers(service);
        JsonNode claim = own.remove("rujukan_agencies");
        assertThat(own).isEqualTo(mappers(client(realm.get("clients"), "rujukan-gateway-service")));
        // and the claim referral-service keeps an own gateway's reports to
        assertThat(claim.get("protocolMapper").asText()).isEqualTo("oidc-hardcoded-claim-mapper");
        assertThat(JSON.readTree(claim.get("config").get("claim.value").asText()))
                .containsExactly(JSON.getNodeFactory().textNode(AGENCY));
    }

    private static JsonNode client(JsonNode clients, String clientId) {
        for (JsonNode client : clients) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    /** A client's protocol mappers by name: each its mapper type and configuration. */
    private static Map<String, JsonNode> mappers(JsonNode client) {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode mapper : client.get("protocolMappers")) {
            byName.put(mapper.get("name").asText(), JSON.createObjectNode()
                    .put("protocolMapper", mapper.get("protocolMapper").asText()).set("config", mapper.get("config")));
        }
        return byName;
    }

    @Test
    void theServiceKnowsEverySettingTheOverlayGives() throws Exception {
        ServiceConfig service = ServiceConfig.of(ROOT, "agency-gateway");
        assertThat(config.keySet().stream().filter(name -> !name.equals("QUARKUS_PROFILE"))
                .collect(Collectors.toList())).allSatisfy(name -> assertThat(service.knows(name))
                        .as("agency-gateway reads " + name).isTrue());
    }
}
