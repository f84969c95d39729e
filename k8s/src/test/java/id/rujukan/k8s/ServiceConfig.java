package id.rujukan.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * What a service is configured to do and which settings it knows: the keys of its application.properties
 * (every profile), the environment variables its values refer to, the Kafka topics and groups of its
 * channels, and every configuration property of the Quarkus extensions it was packaged with (from their
 * config model, as the services' {@code target/quarkus-app} holds them).
 */
final class ServiceConfig {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(:[^}]*)?}");
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([\\w-]+)\\.(.+)");

    final String name;
    final Properties properties = new Properties();
    final Set<String> envNames = new TreeSet<>();
    final Set<Pattern> extensionEnvNames = new HashSet<>();
    final Set<String> reads = new TreeSet<>();
    /** Topics read by pattern: each agency's own ({@code id.rujukan.contract.Topics#ofAgency}). */
    final Set<String> readPatterns = new TreeSet<>();
    final Set<String> writes = new TreeSet<>();
    final Set<String> deadLetterTopics = new TreeSet<>();
    final Set<String> groups = new TreeSet<>();

    private ServiceConfig(String name) {
        this.name = name;
    }

    static ServiceConfig of(Path root, String service) throws IOException {
        ServiceConfig config = new ServiceConfig(service);
        try (Reader reader = Files.newBufferedReader(
                root.resolve(service).resolve("src/main/resources/application.properties"))) {
            config.properties.load(reader);
        }
        for (String key : config.properties.stringPropertyNames()) {
            String value = config.properties.getProperty(key);
            String property = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            config.envNames.add(env(property));
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                config.envNames.add(env(expression.group(1)));
            }
            Matcher channel = CHANNEL.matcher(property);
            if (channel.matches()) {
                boolean pattern = Boolean.parseBoolean(config.properties.getProperty(
                        "mp.messaging." + channel.group(1) + "." + channel.group(2) + ".pattern"));
                switch (channel.group(3)) {
                    case "topic" -> (channel.group(1).equals("incoming")
                            ? (pattern ? config.readPatterns : config.reads) : config.writes)
                            .add(config.expanded(value));
                    case "dead-letter-queue.topic" -> config.deadLetterTopics.add(config.expanded(value));
                    case "group.id" -> config.groups.add(config.expanded(value));
                    default -> {
                    }
                }
            }
        }
        Path libraries = root.resolve(service).resolve("target/quarkus-app/lib/main");
        if (!Files.isDirectory(libraries)) {
            throw new IllegalStateException(libraries + " is missing: package the services first (./mvnw package)");
        }
        try (Stream<Path> jars = Files.list(libraries)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                config.readConfigModel(jar);
            }
        }
        return config;
    }

    /** A value with its expressions ({@code ${key}}, {@code ${key:default}}) as the service would have them. */
    String expanded(String value) {
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (expression.find()) {
            String own = properties.getProperty(expression.group(1));
            String replacement = own != null ? expanded(own)
                    : expression.group(2) != null ? expression.group(2).substring(1) : expression.group(0);
            expression.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        return expression.appendTail(expanded).toString();
    }

    /** Whether the service reads this environment variable, by its own configuration or an extension's. */
    boolean knows(String envName) {
        return envNames.contains(envName)
                || extensionEnvNames.stream().anyMatch(pattern -> pattern.matcher(envName).matches());
    }

    /** The environment variable SmallRye Config maps to a property: non-alphanumerics to _, upper case. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private void readConfigModel(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry model = file.getEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
            if (model == null) {
                return;
            }
            try (InputStream in = file.getInputStream(model)) {
                collect(JSON.readTree(in));
            }
        }
    }

    private void collect(JsonNode node) {
        if (node.isObject()) {
            JsonNode env = node.path("path").path("environmentVariable");
            if (env.isTextual()) {
                // named segments (a tenant, a client) appear as __NAME__
                extensionEnvNames.add(Pattern.compile(env.asText().replaceAll("__[A-Z0-9_]+?__", "_[A-Z0-9_]+_")
                        .replaceAll("__[A-Z0-9_]+?$", "_[A-Z0-9_]+")));
            }
            node.forEach(this::collect);
        } else if (node.isArray()) {
            node.forEach(this::collect);
        }
    }
}
