package id.rujukan.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace a piece of work belongs to, as a W3C {@code traceparent} that can be stored with it (an outbox
 * row, a queued notification) and picked up later on another thread, so that one trace runs from the
 * gateway's POST to the SMS even where the work waits in a table between two steps.
 */
public final class TraceContext {

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The current span's {@code traceparent}, or {@code null} when no span is being recorded. */
    public static String current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context to continue a stored trace in; the root context when nothing was stored. */
    public static Context of(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED);
    }
}
