package id.rujukan.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An overlay as {@code kubectl kustomize} renders it, every object read into its typed model: the fabric8
 * Kubernetes and Prometheus Operator models, Strimzi's api, and the CloudNativePG and Keycloak models of
 * this module. A field the model does not know is reported, not dropped.
 */
final class Rendered {

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    /** For the models of this module: an unknown field fails. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).findAndAddModules().build();
    private static final Map<String, Class<?>> CUSTOM = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class,
            "postgresql.cnpg.io/v1/Cluster", Models.CnpgCluster.class,
            "k8s.keycloak.org/v2alpha1/Keycloak", Models.Keycloak.class,
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", Models.KeycloakRealmImport.class);

    final String overlay;
    final List<Object> objects = new ArrayList<>();
    final List<String> unknownFields = new ArrayList<>();

    private Rendered(String overlay) {
        this.overlay = overlay;
    }

    static Rendered overlay(Path k8s, String name) throws IOException, InterruptedException {
        return kustomization(k8s.resolve("overlays").resolve(name), name);
    }

    /** Any kustomization directory as kubectl renders it. */
    static Rendered kustomization(Path directory, String name) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + name + " failed");
        }
        Rendered rendered = new Rendered(name);
        for (String document : yaml.split("(?m)^---$")) {
            if (document.isBlank()) {
                continue;
            }
            Map<?, ?> raw = KUBERNETES.unmarshal(document, Map.class);
            String type = raw.get("apiVersion") + "/" + raw.get("kind");
            Class<?> custom = CUSTOM.get(type);
            Object typed;
            if (custom == null) {
                typed = KUBERNETES.unmarshal(document, KubernetesResource.class);
                if (typed.getClass().getSimpleName().startsWith("Generic")) {
                    throw new IllegalStateException(type + " has no typed model");
                }
            } else if (custom.getPackageName().startsWith("io.strimzi")) {
                typed = KUBERNETES.convertValue(raw, custom);
            } else {
                typed = STRICT.convertValue(raw, custom);
            }
            rendered.objects.add(typed);
            rendered.collectUnknown(type + " " + raw.get("metadata"), typed, new IdentityHashMap<>());
        }
        return rendered;
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> T named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(nameOf(o))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " has no " + type.getSimpleName() + " " + name));
    }

    static String nameOf(Object object) {
        return object instanceof HasMetadata resource ? resource.getMetadata().getName()
                : ((Models.Resource<?>) object).metadata.getName();
    }

    /** Walks the model; any additionalProperties it holds are fields the model did not recognise. */
    private void collectUnknown(String where, Object node, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            collection.forEach(item -> collectUnknown(where, item, seen));
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectUnknown(where, value, seen));
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi") && !pkg.startsWith("id.rujukan")) {
            return;
        }
        if (node instanceof Record) {
            for (RecordComponent component : node.getClass().getRecordComponents()) {
                collectUnknown(where, invoke(component.getAccessor(), node), seen);
            }
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> unknownFields.add(where + ": " + node.getClass().getSimpleName() + "." + key));
            } else {
                collectUnknown(where, value, seen);
            }
        }
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
