package id.rujukan.referral.routing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routing rules, read from their file at start (a file path or a classpath resource). A rules file
 * with an unknown field, type or service, a duplicate id, a rule without candidates, or no catch-all
 * rule at the end stops the service from starting: routing must never fall through.
 */
@ApplicationScoped
public class RoutingRules {

    private final List<RoutingRule> rules;

    public RoutingRules(ObjectMapper json, @ConfigProperty(name = "rujukan.routing.rules-file") String file) {
        this.rules = read(json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), file);
        Set<String> ids = new HashSet<>();
        for (RoutingRule rule : rules) {
            if (rule.id() == null || !ids.add(rule.id())) {
                throw new IllegalStateException("Routing rules " + file + ": missing or duplicate id " + rule.id());
            }
            if (rule.candidates() == null || rule.candidates().isEmpty()
                    || rule.candidates().stream().anyMatch(c -> c.type() == null || c.scope() == null)) {
                throw new IllegalStateException("Routing rules " + file + ": rule " + rule.id()
                        + " needs candidates, each with a type and a scope");
            }
        }
        RoutingRule last = rules.isEmpty() ? null : rules.get(rules.size() - 1);
        if (last == null || last.when() == null || !isCatchAll(last.when())) {
            throw new IllegalStateException("Routing rules " + file + ": the last rule must match anything");
        }
    }

    public List<RoutingRule> all() {
        return rules;
    }

    private static boolean isCatchAll(RoutingRule.Match when) {
        return empty(when.services()) && empty(when.categories()) && empty(when.ageBands()) && empty(when.urgencies());
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static List<RoutingRule> read(ObjectMapper json, String file) {
        Path path = Path.of(file);
        try (InputStream in = Files.exists(path) ? Files.newInputStream(path)
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Routing rules not found as a file or on the classpath: " + file);
            }
            return List.copyOf(json.readValue(in, new TypeReference<List<RoutingRule>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable routing rules " + file, e);
        }
    }
}
