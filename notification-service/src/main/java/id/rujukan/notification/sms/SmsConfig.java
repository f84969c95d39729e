package id.rujukan.notification.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The SMS providers and how they are chosen between. Checked at start-up. */
@ConfigMapping(prefix = "rujukan.sms")
public interface SmsConfig {

    /** The registered alphanumeric sender id recipients see (at most 11 characters in Indonesia). */
    @WithDefault("RUJUKAN")
    @Size(min = 1, max = 11)
    @Pattern(regexp = "[A-Za-z0-9 ]+")
    String senderId();

    /** By name; at least one for SMS to be sent. */
    Map<String, Provider> providers();

    /** How far back errors and slowness count in a provider's score. */
    @WithDefault("5m")
    Duration healthWindow();

    /** A provider answering slower than this on average is tried after those that answer faster. */
    @WithDefault("2s")
    Duration slowThreshold();

    /** A provider's circuit opens when, of its last this many calls, ... */
    @WithDefault("4")
    @Min(1)
    int circuitRequestVolume();

    /** ... at least this share failed. */
    @WithDefault("0.5")
    @DecimalMin("0.01")
    @DecimalMax("1")
    double circuitFailureRatio();

    /** How long an open circuit stays open before one trial call. */
    @WithDefault("30s")
    Duration circuitDelay();

    /** One SMS provider. */
    interface Provider {

        /** {@code smpp} or {@code http}. */
        @Pattern(regexp = "smpp|http")
        String type();

        /** Lower is tried first among equally healthy providers (e.g. the cheaper route). */
        @WithDefault("100")
        int priority();

        /** Messages per second the provider's contract allows. */
        @WithDefault("20")
        @Min(1)
        int ratePerSecond();

        Optional<Smpp> smpp();

        Optional<Http> http();
    }

    /** An SMSC reached over SMPP 3.4, bound as a transceiver. */
    interface Smpp {
        @NotBlank
        String host();

        int port();

        /** At most 15 characters (SMPP 3.4). */
        @NotBlank
        @Size(max = 15)
        String systemId();

        /** At most 8 characters (SMPP 3.4). */
        @Size(max = 8)
        String password();

        /** Some SMSCs ask for one; most leave it empty. */
        Optional<String> systemType();

        @WithDefault("5s")
        Duration bindTimeout();

        /** How long to wait for a {@code submit_sm_resp}. */
        @WithDefault("10s")
        Duration responseTimeout();

        /**
         * How often the bind is kept alive with {@code enquire_link} when idle: shorter than the SMSC's idle
         * timeout (many drop a bind after 60 s or less without traffic).
         */
        @WithDefault("30s")
        Duration enquireLink();

        /**
         * How the SMSC reads the message bytes: {@code gsm7} (GSM 03.38, a septet per byte, data_coding 0),
         * {@code gsm7-packed}, {@code latin1} (data_coding 3) or {@code ascii} (IA5, data_coding 1). Ask the
         * aggregator; a wrong one garbles every alert's text, never its link.
         */
        @WithDefault("gsm7")
        SmsAlphabet alphabet();
    }

    /** An aggregator's HTTP API. */
    interface Http {
        @NotBlank
        String endpoint();

        /** Sent as {@code Authorization: Bearer ...}. */
        Optional<String> apiKey();

        /** Sent with {@link #password()} as HTTP basic authentication. */
        Optional<String> username();

        Optional<String> password();

        /**
         * The request body, a Qute template over {@code sender}, {@code to} and {@code text}, each escaped for
         * the content type.
         */
        @WithDefault("{\"sender\":\"{sender}\",\"to\":\"{to}\",\"text\":\"{text}\"}")
        String body();

        /** {@code application/json} or {@code application/x-www-form-urlencoded}. */
        @WithDefault("application/json")
        @Pattern(regexp = "application/json|application/x-www-form-urlencoded")
        String contentType();

        /** Where the provider's message id is in its JSON answer (a JSON pointer). */
        @WithDefault("/messageId")
        String messageIdPointer();

        @WithDefault("10s")
        Duration timeout();
    }
}
