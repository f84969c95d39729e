package id.rujukan.referral.escalation;

import id.rujukan.contract.AgencyType;
import id.rujukan.contract.Level;
import id.rujukan.contract.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The escalation chain for a receiving agency and an urgency, from the configuration, checked at start. */
@ApplicationScoped
public class EscalationPolicy {

    private final Map<String, List<EscalationStep>> chains = new HashMap<>();
    private final List<String> channels;

    public EscalationPolicy(EscalationConfig config) {
        List<String> problems = new ArrayList<>();
        config.chains().forEach((key, steps) -> {
            if (!validKey(key)) {
                problems.add("rujukan.escalation.chains." + key + ": not an urgency, an agency type, or agency-type.urgency");
            }
            try {
                chains.put(key.toLowerCase(Locale.ROOT).replace('_', '-'), parse(steps));
            } catch (IllegalArgumentException e) {
                problems.add("rujukan.escalation.chains." + key + ": " + e.getMessage());
            }
        });
        for (Urgency urgency : Urgency.values()) {
            if (!chains.containsKey(key(urgency))) {
                problems.add("rujukan.escalation.chains." + key(urgency) + " is missing");
            }
        }
        channels = List.copyOf(config.channels());
        if (channels.isEmpty() || !List.of("EMAIL", "SMS").containsAll(channels)) {
            problems.add("rujukan.escalation.channels must be EMAIL and/or SMS, not " + channels);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid escalation policy: " + String.join("; ", problems));
        }
    }

    /** The chain in force for this agency type and urgency: type.urgency, else type, else urgency. */
    public List<EscalationStep> chainFor(AgencyType type, Urgency urgency) {
        return Optional.ofNullable(chains.get(key(type) + "." + key(urgency)))
                .or(() -> Optional.ofNullable(chains.get(key(type))))
                .orElseGet(() -> chains.get(key(urgency)));
    }

    public List<String> channels() {
        return channels;
    }

    private static List<EscalationStep> parse(List<String> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one step");
        }
        List<EscalationStep> parsed = new ArrayList<>();
        for (String step : steps) {
            String[] parts = step.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("step '" + step + "' is not LEVEL:WAIT");
            }
            Level level;
            try {
                level = Level.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + parts[0] + "' is not one of " + Arrays.toString(Level.values()));
            }
            Duration wait;
            try {
                wait = Duration.parse(parts[1].trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + parts[1] + "' is not an ISO-8601 duration such as PT15M");
            }
            if (wait.isNegative()) {
                throw new IllegalArgumentException("step '" + step + "' waits a negative time");
            }
            parsed.add(EscalationStep.of(level, wait));
        }
        return List.copyOf(parsed);
    }

    private static boolean validKey(String key) {
        String[] parts = key.toUpperCase(Locale.ROOT).replace('-', '_').split("\\.");
        boolean urgency = isUrgency(parts[parts.length - 1]);
        boolean type = isAgencyType(parts[0]);
        return parts.length == 1 ? urgency || type : parts.length == 2 && type && urgency;
    }

    private static boolean isUrgency(String name) {
        return Arrays.stream(Urgency.values()).anyMatch(urgency -> urgency.name().equals(name));
    }

    private static boolean isAgencyType(String name) {
        return Arrays.stream(AgencyType.values()).anyMatch(type -> type.name().equals(name));
    }

    private static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
