package id.rujukan.gateway.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Query parameters the gateway reads itself, from text. Jakarta REST answers a query parameter it cannot convert
 * to its declared type with 404, as if the resource did not exist, which tells an integrator nothing: these answer
 * 400 naming the parameter. Each returns {@code null} (or the default) for a parameter that was not given.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range is
        }
        throw Problems.badRequest(name, name + " must be a whole number from " + min + " to " + max);
    }

    public static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Problems.badRequest(name, name + " must be true or false");
        };
    }

    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(name, name + " must be an instant such as 2026-12-01T00:00:00Z");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(name, name + " must be a UUID");
        }
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> codes) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(codes.getEnumConstants()).filter(code -> code.name().equals(value)).findFirst()
                .orElseThrow(() -> Problems.badRequest(name, name + " must be one of "
                        + Arrays.toString(codes.getEnumConstants())));
    }
}
