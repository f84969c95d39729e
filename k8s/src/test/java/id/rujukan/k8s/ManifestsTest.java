package id.rujukan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.KeyGrants;
import id.rujukan.contract.Topic;
import id.rujukan.contract.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dev and prod overlays as kubectl renders them, read into typed models, and held against what the
 * services are configured to do. There is no cluster here: this is what stands between a wrong manifest
 * and an ops team applying it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestsTest {

    private static final List<String> SERVICES = List.of("agency-gateway", "referral-service", "notification-service");
    private static final String OPERATORS = "operators";
    private static final Path ROOT = Path.of(System.getProperty("rujukan.root", "..")).toAbsolutePath().normalize();

    private final Map<String, Rendered> overlays = new HashMap<>();
    private final Map<String, ServiceConfig> services = new HashMap<>();

    @BeforeAll
    void render() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            overlays.put(overlay, Rendered.overlay(ROOT.resolve("k8s"), overlay));
        }
        for (String service : SERVICES) {
            services.put(service, ServiceConfig.of(ROOT, service));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsReadIntoItsTypedModelWithNoFieldItDoesNotKnow(String overlay) {
        Rendered rendered = overlays.get(overlay);
        assertThat(rendered.unknownFields).isEmpty();
        assertThat(rendered.objects).extracting(o -> o.getClass().getSimpleName()).contains("Deployment", "Service",
                "Ingress", "NetworkPolicy", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Kafka", "KafkaNodePool",
                "KafkaTopic", "KafkaUser", "CnpgCluster", "Keycloak", "KeycloakRealmImport", "ServiceMonitor",
                "PrometheusRule", "ConfigMap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasProbesLimitsAndRunsAsNonRootOnAReadOnlyRoot(String overlay) {
        List<Deployment> deployments = overlays.get(overlay).all(Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Deployment deployment : deployments) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(deployment.getMetadata().getName()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container container : pod.getContainers()) {
                String what = deployment.getMetadata().getName() + "/" + container.getName();
                assertProbe(what, container.getStartupProbe(), "/q/health/started");
                assertProbe(what, container.getLivenessProbe(), "/q/health/live");
                // readiness includes Kafka and the database (SmallRye Health checks of both extensions)
                assertProbe(what, container.getReadinessProbe(), "/q/health/ready");
                assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(what).containsKeys("cpu", "memory");
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(what).isTrue();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(what).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(what).contains("ALL");
                // the image Jib builds: quarkus.container-image.group / the service's name
                assertThat(container.getImage()).as(what)
                        .matches("(.+/)?rujukan/" + deployment.getMetadata().getName() + ":[\\w.-]+");
            }
        }
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what + " " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyConfigKeyTheManifestsSetExistsInTheService(String overlay) {
        Rendered rendered = overlays.get(overlay);
        Map<String, Map<String, String>> configMaps = rendered.all(ConfigMap.class).stream().collect(
                Collectors.toMap(c -> c.getMetadata().getName(), c -> c.getData() == null ? Map.of() : c.getData()));
        for (Deployment deployment : rendered.all(Deployment.class)) {
            ServiceConfig service = services.get(deployment.getMetadata().getName());
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            List<String> names = new ArrayList<>();
            container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
            for (EnvFromSource from : container.getEnvFrom()) {
                Map<String, String> data = configMaps.get(from.getConfigMapRef().getName());
                assertThat(data).as(from.getConfigMapRef().getName()).isNotNull();
                names.addAll(data.keySet());
            }
            // QUARKUS_PROFILE chooses the profile; it is read before any property exists
            assertThat(names).as(service.name).filteredOn(name -> !name.equals("QUARKUS_PROFILE"))
                    .allSatisfy(name -> assertThat(service.knows(name)).as(service.name + " reads " + name).isTrue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void alertsAreMailedFromTheDeploymentsOwnDomainThroughTheRelayOverTlsWithItsAccountFromASecret(String overlay) {
        Rendered rendered = overlays.get(overlay);
        Container container = rendered.named(Deployment.class, "notification-service").getSpec().getTemplate()
                .getSpec().getContainers().get(0);
        Map<String, String> mail = new HashMap<>();
        container.getEnvFrom().forEach(from -> mail.putAll(
                rendered.named(ConfigMap.class, from.getConfigMapRef().getName()).getData()));
        String domain = mail.get("QUARKUS_MAILER_OWN_HOST_NAME");
        assertThat(mail.get("QUARKUS_MAILER_FROM")).endsWith("@" + domain + ">");
        assertThat(mail.get("RUJUKAN_DELIVERY_MESSAGE_ID_DOMAIN")).isEqualTo(domain);
        assertThat(mail.get("QUARKUS_MAILER_START_TLS")).isEqualTo("REQUIRED");
        assertThat(mail.get("QUARKUS_MAILER_LOGIN")).isEqualTo("REQUIRED");
        for (String secret : List.of("QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD")) {
            assertThat(container.getEnv()).as(secret).anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo(secret);
                assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("rujukan-smtp");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheServicesUseHasAKafkaTopicLaidOutAsTheContractSays(String overlay) {
        Map<String, KafkaTopic> topics = overlays.get(overlay).all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        Set<String> used = new TreeSet<>();
        services.values().forEach(s -> {
            used.addAll(s.reads);
            used.addAll(s.writes);
            used.addAll(s.deadLetterTopics);
        });
        Topics.ALL.forEach(topic -> used.add(topic.name()));
        // each onboarded agency's own topics (k8s/agencies/onboard.sh), and no topic of an agency beyond them
        Set<String> agencies = topics.keySet().stream().map(Topics::agencyOf).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Topic> agencyTopics = agencies.stream().flatMap(agency -> Topics.ofAgency(agency).stream()).toList();
        agencyTopics.forEach(topic -> used.add(topic.name()));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(used);
        if (overlay.equals("dev")) {
            assertThat(agencies).as("the demo agencies, onboarded in dev").contains("dinsos-1608", "rutan-martapura");
        }
        // what a service reads by pattern is every agency's topic of one kind
        services.values().forEach(service -> service.readPatterns.forEach(pattern -> kindOf(agencyTopicKinds(),
                pattern)));
        for (Topic topic : Stream.concat(Topics.ALL.stream(), agencyTopics.stream()).toList()) {
            assertLaidOutAsTheContractSays(topic, topics.get(topic.name()));
        }
    }

    private static void assertLaidOutAsTheContractSays(Topic topic, KafkaTopic kafkaTopic) {
        assertThat(kafkaTopic.getSpec().getPartitions()).as(topic.name()).isEqualTo(topic.partitions());
        assertThat(kafkaTopic.getSpec().getReplicas()).as(topic.name()).isEqualTo(3);
        assertThat(kafkaTopic.getSpec().getConfig()).as(topic.name())
                .containsEntry("cleanup.policy", topic.cleanupPolicy())
                .hasEntrySatisfying("retention.ms", v -> assertThat(String.valueOf(v))
                        .isEqualTo(String.valueOf(topic.retention().toMillis())))
                .containsEntry("min.insync.replicas", 2);
        assertThat(kafkaTopic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "rujukan");
    }

    @Test
    void onboardingAnAgencyMakesItsOwnTopicsAsTheContractLaysThemOutAndListsThemForTheOverlay() throws Exception {
        Path agencies = Files.createTempDirectory("agencies");
        Files.copy(ROOT.resolve("k8s/agencies/kustomization.yaml"), agencies.resolve("kustomization.yaml"));
        onboard(agencies, "lksa-1671");
        onboard(agencies, "lksa-1671"); // again: listed once

        Map<String, KafkaTopic> topics = Rendered.kustomization(agencies, "onboarded").all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(
                Topics.ofAgency("lksa-1671").stream().map(Topic::name).toList());
        for (Topic topic : Topics.ofAgency("lksa-1671")) {
            assertLaidOutAsTheContractSays(topic, topics.get(topic.name()));
        }
        // the demo agencies dev runs with are what the script makes
        Path demo = ROOT.resolve("k8s/agencies/demo");
        try (Stream<Path> files = Files.list(demo)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                String agency = file.getFileName().toString().replace(".yaml", "");
                onboard(agencies, agency);
                assertThat(agencies.resolve(agency + ".yaml")).as(agency).hasSameTextualContentAs(file);
            }
        }
        assertThat(onboardExitCode(agencies, "Dinsos 1608")).as("an id with spaces and capitals").isEqualTo(2);
    }

    @Test
    void onboardingWithAKeyDirectoryMakesTheKeysAGatewayReadsAndPrintsTheirDirectoryEntries() throws Exception {
        Path agencies = Files.createTempDirectory("agencies");
        Path keys = agencies.resolve("keys");
        ProcessBuilder script = new ProcessBuilder(ROOT.resolve("k8s/agencies/onboard.sh").toString(), "lksa-1671",
                keys.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
        script.environment().put("AGENCIES_DIR", agencies.toString());
        Process process = script.start();
        String printed = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        // the entries, as the directory record takes them: each public key the other half of a key file, under the
        // name the gateway reads it by (rujukan.signing.key-dir)
        AgencyPublished published = new ObjectMapper().readValue(printed, AgencyPublished.class);
        AgencyPublished.SigningKey signing = published.signingKeys().get(0);
        AgencyPublished.GrantKey grant = published.grantKeys().get(0);
        assertThat(signing.keyId()).matches("lksa-1671\\.[0-9]{4}-[0-9]{2}").isEqualTo(grant.keyId());
        byte[] signed = "onboarded".getBytes();
        assertThat(EventSignatures.verifies(EventSignatures.publicKey(signing.publicKey()), signed,
                EventSignatures.sign(EventSignatures.privateKey(Files.readString(keys.resolve(signing.keyId()
                        + ".pem"))), signed))).isTrue();
        byte[] dataKey = new byte[32];
        KeyGrants.Sealed sealed = KeyGrants.seal(KeyGrants.publicKey(grant.publicKey()), dataKey, signed);
        assertThat(KeyGrants.open(KeyGrants.privateKey(Files.readString(keys.resolve(grant.keyId() + ".grant.pem"))),
                sealed, signed)).isEqualTo(dataKey);
    }

    private static void onboard(Path agencies, String agency) throws Exception {
        assertThat(onboardExitCode(agencies, agency)).as("onboard.sh " + agency).isZero();
    }

    private static int onboardExitCode(Path agencies, String agency) throws Exception {
        ProcessBuilder script = new ProcessBuilder(ROOT.resolve("k8s/agencies/onboard.sh").toString(), agency)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        script.environment().put("AGENCIES_DIR", agencies.toString());
        Process process = script.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyKafkaUsersAclsCoverExactlyWhatItsServiceReadsAndWrites(String overlay) {
        Rendered rendered = overlays.get(overlay);
        assertThat(rendered.all(KafkaUser.class)).extracting(u -> u.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(SERVICES.stream(), Stream.of(OPERATORS)).toList());
        for (KafkaUser user : rendered.all(KafkaUser.class)) {
            String name = user.getMetadata().getName();
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            // reads: what the contract names it a reader of; for a service, exactly its incoming channels
            Set<String> reads = Topics.ALL.stream().filter(t -> t.readers().contains(name)).map(Topic::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            // each kind of agency topic it reads or writes for every agency, by the kind's prefix (a name ending in *)
            Map<String, String> kinds = agencyTopicKinds();
            Set<String> kindsRead = kinds.entrySet().stream()
                    .filter(kind -> Topics.ofAgency("any-agency").stream().anyMatch(t -> t.name().equals(kind.getKey())
                            && t.readers().contains(name))).map(Map.Entry::getValue)
                    .collect(Collectors.toCollection(TreeSet::new));
            reads.addAll(kindsRead);
            Set<String> writes = new TreeSet<>();
            List<String> groupsUsed = new ArrayList<>();
            if (name.equals(OPERATORS)) {
                // on-call replays a dead letter onto the topic its service had read it from
                Topics.ALL.stream().filter(t -> reads.contains(t.name())).forEach(deadLetters -> {
                    ServiceConfig service = services.get(deadLetters.writer());
                    writes.addAll(service.reads);
                    service.readPatterns.forEach(pattern -> writes.add(kindOf(kinds, pattern)));
                });
            } else {
                ServiceConfig service = services.get(name);
                assertThat(reads.stream().filter(topic -> !topic.endsWith("*")).toList()).as(name + " reads")
                        .containsExactlyInAnyOrderElementsOf(service.reads);
                assertThat(service.readPatterns.stream().map(pattern -> kindOf(kinds, pattern)).toList())
                        .as(name + " reads by pattern").containsExactlyInAnyOrderElementsOf(kindsRead);
                kinds.forEach((topic, kind) -> {
                    if (Topics.ofAgency("any-agency").stream().anyMatch(t -> t.name().equals(topic)
                            && t.writer().equals(name))) {
                        writes.add(kind);
                    }
                });
                // writes: the topics the contract has it write (outbox or channels), its dead letters among them
                Topics.ALL.stream().filter(t -> t.writer().equals(name)).map(Topic::name).forEach(writes::add);
                assertThat(writes).as(name + " writes").containsAll(service.writes).containsAll(service.deadLetterTopics);
                groupsUsed.addAll(service.groups);
            }

            Map<String, Set<String>> expected = new HashMap<>();
            reads.forEach(topic -> expected.put("topic:" + topic, Set.of("Read", "Describe")));
            writes.forEach(topic -> expected.put("topic:" + topic, Set.of("Write", "Describe")));
            Map<String, Set<String>> granted = new HashMap<>();
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                String resource;
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    resource = "topic:" + topic.getName()
                            + (topic.getPatternType() == AclResourcePatternType.PREFIX ? "*" : "");
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    resource = "group:" + group.getName()
                            + (group.getPatternType() == AclResourcePatternType.PREFIX ? "*" : "");
                } else {
                    throw new AssertionError(name + " has an ACL on " + rule.getResource().getType());
                }
                granted.merge(resource, rule.getOperations().stream().map(AclOperation::toValue)
                        .map(ManifestsTest::capitalized).collect(Collectors.toSet()), (a, b) -> Stream.concat(
                        a.stream(), b.stream()).collect(Collectors.toSet()));
            }
            Map<String, Set<String>> groups = new HashMap<>(granted);
            groups.keySet().removeIf(resource -> !resource.startsWith("group:"));
            granted.keySet().removeIf(resource -> resource.startsWith("group:"));
            assertThat(granted).as(name + " topic ACLs").isEqualTo(expected);
            // its consumer groups (one per replica where each must read everything: a prefix), and no other
            assertThat(groups).as(name + " group ACLs").containsOnlyKeys("group:" + name + "*")
                    .containsEntry("group:" + name + "*", Set.of("Read"));
            assertThat(groupsUsed).as(name + " groups").allSatisfy(group -> assertThat(group).startsWith(name));
        }
    }

    /** Each of an agency's topics (of "any-agency"), by name, to its kind's prefix with a * (its ACL's resource). */
    private static Map<String, String> agencyTopicKinds() {
        Map<String, String> kinds = new HashMap<>();
        for (Topic topic : Topics.ofAgency("any-agency")) {
            String prefix = Topics.AGENCY_TOPIC_PREFIXES.stream().filter(topic.name()::startsWith).findFirst()
                    .orElseThrow(() -> new AssertionError(topic.name() + " is of no kind"));
            kinds.put(topic.name(), prefix + "*");
        }
        return kinds;
    }

    /** The kind (prefix with a *) whose topics, and only those, a pattern matches. */
    private static String kindOf(Map<String, String> kinds, String pattern) {
        List<String> matched = kinds.entrySet().stream().filter(kind -> kind.getKey().matches(pattern))
                .map(Map.Entry::getValue).toList();
        assertThat(matched).as(pattern).hasSize(1);
        return matched.get(0);
    }

    private static String capitalized(String operation) {
        return operation.substring(0, 1).toUpperCase(Locale.ROOT) + operation.substring(1).toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaIsAKraftClusterOfThreeBrokersKeepingTwoInSyncCopies(String overlay) {
        Rendered rendered = overlays.get(overlay);
        Kafka kafka = rendered.named(Kafka.class, "rujukan");
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("default.replication.factor", 3)
                .containsEntry("min.insync.replicas", 2);
        assertThat(kafka.getSpec().getKafka().getAuthorization()).isNotNull();
        assertThat(kafka.getSpec().getKafka().getListeners()).allSatisfy(listener -> {
            assertThat(listener.isTls()).isTrue();
            assertThat(listener.getAuth().getType()).isEqualTo("scram-sha-512");
        });
        int brokers = rendered.all(KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        assertThat(brokers).isEqualTo(3);
    }

    @Test
    void prodRunsMoreReplicasThanDevKeptApartAndDrainable() {
        for (String name : SERVICES) {
            Deployment dev = overlays.get("dev").named(Deployment.class, name);
            Deployment prod = overlays.get("prod").named(Deployment.class, name);
            assertThat(prod.getSpec().getReplicas()).as(name).isGreaterThan(dev.getSpec().getReplicas());
            var antiAffinity = prod.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                    .getRequiredDuringSchedulingIgnoredDuringExecution();
            assertThat(antiAffinity).as(name).anySatisfy(term -> {
                assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                assertThat(term.getLabelSelector().getMatchLabels())
                        .containsEntry("app.kubernetes.io/name", name);
            });
        }
        assertThat(overlays.get("prod").named(Models.Keycloak.class, "keycloak").spec.instances())
                .isGreaterThan(overlays.get("dev").named(Models.Keycloak.class, "keycloak").spec.instances());
        assertThat(overlays.get("prod").all(Models.CnpgCluster.class)).allSatisfy(c -> assertThat(c.spec.instances())
                .isGreaterThanOrEqualTo(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasAnAutoscalerAndADisruptionBudgetThatLetsANodeDrain(String overlay) {
        Rendered rendered = overlays.get(overlay);
        for (String name : SERVICES) {
            Deployment deployment = rendered.named(Deployment.class, name);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            PodDisruptionBudget budget = rendered.named(PodDisruptionBudget.class, name);
            assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            HorizontalPodAutoscaler autoscaler = rendered.named(HorizontalPodAutoscaler.class, name);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(deployment.getSpec().getReplicas());
            assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
            if (deployment.getSpec().getReplicas() > 1) {
                // one replica may go while the other keeps serving
                assertThat(budget.getSpec().getMinAvailable().getIntVal()).isLessThan(deployment.getSpec().getReplicas());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void fromOutsideOnlyTheGatewayAndReferralServicesTwoReadApisAreReachableAndEveryPodStartsFromDenyAll(
            String overlay) {
        Rendered rendered = overlays.get(overlay);
        List<HTTPIngressPath> paths = rendered.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules()
                .stream()).flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
        assertThat(paths).extracting(path -> path.getBackend().getService().getName())
                .containsOnly("agency-gateway", "referral-service");
        // referral-service: the routing preview and the reports agencies' own gateways ask for, exactly those
        assertThat(paths).filteredOn(path -> path.getBackend().getService().getName().equals("referral-service"))
                .extracting(path -> path.getPathType() + " " + path.getPath())
                .containsExactlyInAnyOrder("Exact /api/v1/routing/preview", "Exact /api/v1/reports/referrals");
        NetworkPolicy denyAll = rendered.named(NetworkPolicy.class, "default-deny");
        assertThat(denyAll.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(denyAll.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            boolean fromIngressController = policy.getSpec().getIngress().stream()
                    .flatMap(rule -> rule.getFrom().stream())
                    .anyMatch(peer -> peer.getNamespaceSelector() != null && "ingress-nginx".equals(
                            peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
            if (fromIngressController) {
                assertThat(policy.getMetadata().getName()).isIn("agency-gateway", "keycloak", "referral-service");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceThatOwnsDataHasItsOwnDatabase(String overlay) {
        Rendered rendered = overlays.get(overlay);
        Set<String> clusters = rendered.all(Models.CnpgCluster.class).stream().map(c -> c.metadata.getName())
                .collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            String jdbc = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom().stream()
                    .map(from -> rendered.named(ConfigMap.class, from.getConfigMapRef().getName()).getData())
                    .map(data -> data.get("QUARKUS_DATASOURCE_JDBC_URL")).filter(url -> url != null).findFirst()
                    .orElseThrow();
            Matcher host = Pattern.compile("jdbc:postgresql://([\\w-]+)-rw:5432/(\\w+)").matcher(jdbc);
            assertThat(host.matches()).as(jdbc).isTrue();
            Models.CnpgCluster cluster = rendered.named(Models.CnpgCluster.class, host.group(1));
            assertThat(cluster.spec.bootstrap().initdb().database()).isEqualTo(host.group(2));
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                    .filteredOn(env -> env.getName().startsWith("QUARKUS_DATASOURCE_"))
                    .allSatisfy(env -> assertThat(env.getValueFrom().getSecretKeyRef().getName())
                            .isEqualTo(host.group(1) + "-app"));
            assertThat(used.add(host.group(1))).as("one database per service").isTrue();
        }
        assertThat(clusters).containsAll(used).contains("keycloak-db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakImportsTheRealmTheServicesExpect(String overlay) throws Exception {
        Rendered rendered = overlays.get(overlay);
        Models.KeycloakRealmImport realmImport = rendered.named(Models.KeycloakRealmImport.class, "rujukan");
        assertThat(realmImport.spec.keycloakCRName()).isEqualTo(rendered.named(Models.Keycloak.class, "keycloak")
                .metadata.getName());
        JsonNode dev = new ObjectMapper().readTree(ROOT.resolve("k8s/base/keycloak/rujukan-realm.json").toFile());
        JsonNode realm = realmImport.spec.realm();
        assertThat(realm.get("realm").asText()).isEqualTo("rujukan");
        assertThat(realm.get("roles")).isEqualTo(dev.get("roles"));
        // officers' sessions end after 30 idle minutes and after 10 hours, here as locally
        for (JsonNode either : List.of(realm, dev)) {
            assertThat(either.get("ssoSessionIdleTimeout").asInt()).isEqualTo(1800);
            assertThat(either.get("ssoSessionMaxLifespan").asInt()).isEqualTo(36000);
        }
        for (String clientId : List.of("rujukan-gateway", "rujukan-operator", "rujukan-gateway-service")) {
            JsonNode client = client(realm, clientId);
            assertThat(client.get("protocolMappers")).isEqualTo(client(dev, clientId).get("protocolMappers"));
            // the secret is not in git: a placeholder the operator fills from a Secret
            String placeholder = client.get("secret").asText();
            assertThat(placeholder).matches("\\$\\{\\w+}");
            assertThat(realmImport.spec.placeholders()).containsKey(placeholder.substring(2, placeholder.length() - 1));
        }
        // operators' and the gateway's own tokens carry the roles referral-service's APIs ask for
        for (JsonNode either : List.of(realm, dev)) {
            assertThat(either.get("users")).filteredOn(u -> "rujukan-operator".equals(u.path("serviceAccountClientId")
                    .asText())).singleElement().satisfies(u -> assertThat(u.get("realmRoles").toString())
                            .isEqualTo("[\"directory-admin\"]"));
            assertThat(either.get("users")).filteredOn(u -> "rujukan-gateway-service".equals(
                    u.path("serviceAccountClientId").asText())).singleElement()
                    .satisfies(u -> assertThat(u.get("realmRoles").toString()).isEqualTo("[\"gateway-service\"]"));
        }
        assertThat(realm.toString()).doesNotContain("dev-secret").doesNotContain("dev-password");
        // referral-service checks those tokens against this realm, as the gateway does
        assertThat(environment(rendered, "referral-service").get("QUARKUS_OIDC_AUTH_SERVER_URL"))
                .isEqualTo(environment(rendered, "agency-gateway").get("QUARKUS_OIDC_AUTH_SERVER_URL"))
                .endsWith("/realms/" + realm.get("realm").asText());
    }

    private static Map<String, String> environment(Rendered rendered, String deployment) {
        Map<String, String> environment = new TreeMap<>();
        rendered.named(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnvFrom().stream().filter(from -> from.getConfigMapRef() != null)
                .forEach(from -> environment.putAll(rendered.named(ConfigMap.class, from.getConfigMapRef().getName())
                        .getData()));
        return environment;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesEveryServiceAndTheAlertsAreThere(String overlay) {
        Rendered rendered = overlays.get(overlay);
        ServiceMonitor monitor = rendered.named(ServiceMonitor.class, "rujukan");
        for (String name : SERVICES) {
            Service service = rendered.named(Service.class, name);
            assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
            assertThat(service.getSpec().getPorts()).extracting(p -> p.getName())
                    .contains(monitor.getSpec().getEndpoints().get(0).getPort());
        }
        assertThat(monitor.getSpec().getEndpoints().get(0).getPath()).isEqualTo("/q/metrics");
        PrometheusRule rules = rendered.named(PrometheusRule.class, "rujukan");
        assertThat(rules.getSpec().getGroups()).flatExtracting(g -> g.getRules()).extracting(r -> r.getAlert())
                .contains("RujukanConsumerLagHigh", "RujukanOutboxLagHigh", "RujukanNotificationFailureRateHigh",
                        "RujukanEscalationsPilingUp", "RujukanSmtpRelayRefusing", "RujukanSmsReceiptsUnmatched",
                        "RujukanWorkingCalendarEnding");
        assertThat(rules.getSpec().getGroups()).flatExtracting(g -> g.getRules())
                .allSatisfy(rule -> assertThat(rule.getAnnotations()).containsKey("runbook"));
        assertThat(rendered.all(ConfigMap.class)).anySatisfy(c -> {
            assertThat(c.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
            assertThat(c.getData()).containsKey("rujukan-dashboard.json");
        });
    }
}
