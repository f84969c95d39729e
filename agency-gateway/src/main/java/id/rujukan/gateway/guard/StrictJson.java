package id.rujukan.gateway.guard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * JSON is read as written, not guessed at: a number is not a string, a string is not a number or a
 * boolean, an enum is named (not numbered), a date is an ISO-8601 string (not a number of days), and an
 * empty string is not "no value" for a date, an enum or an object. A body that relies on any of these is refused with the field named, rather than stored as
 * something the agency did not mean.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, so that its Java time module does not replace the strict date reader. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a date is an ISO-8601 string, not a day count or a timestamp
        mapper.setDefaultLeniency(false);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        // the Java time module reads [] as no date at all; a date here is a string or nothing
        mapper.registerModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new IsoDate()));
    }

    /** A date as an ISO-8601 string ({@code 2026-01-31}), and only that. */
    static final class IsoDate extends StdDeserializer<LocalDate> {

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            try {
                return LocalDate.parse(parser.getText());
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, parser.getText(),
                        "not an ISO-8601 date (like 2026-01-31)");
            }
        }
    }
}
