package id.rujukan.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace receiver ({@code POST /v1/traces}, protobuf), keeping every
 * span it is sent, so the local stack and its tests can see one referral's trace across the services.
 */
public final class TraceCollector implements AutoCloseable {

    public static final String PATH = "/v1/traces";

    /**
     * One span as received: ids in lowercase hex, the exporting service's {@code service.name}, its start and
     * end in nanoseconds since the epoch.
     */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String service,
            String kind, long startNanos, long endNanos) {

        /** One line of {@code GET /v1/traces}: the fields separated by tabs, the name last. */
        String line() {
            return String.join("\t", traceId, spanId, parentSpanId, service, kind, Long.toString(startNanos),
                    Long.toString(endNanos), name);
        }

        /** Reads a line of {@code GET /v1/traces}. */
        public static ReceivedSpan of(String line) {
            String[] fields = line.split("\t", 8);
            return new ReceivedSpan(fields[0], fields[1], fields[2], fields[7], fields[3], fields[4],
                    Long.parseLong(fields[5]), Long.parseLong(fields[6]));
        }
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code port} (0 picks a free one) on the loopback interface. */
    public static TraceCollector start(int port) {
        HttpServer server = LoopbackHttp.create(port, "Trace collector");
        TraceCollector collector = new TraceCollector(server);
        server.createContext(PATH, collector::handle);
        server.start();
        return collector;
    }

    /** The OTLP endpoint to configure exporters with (protocol http/protobuf), without the path. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every span received so far. */
    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The spans of one trace. */
    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                answerSpans(exchange);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            HexFormat hex = HexFormat.of();
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("unknown");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(
                            hex.formatHex(span.getTraceId().toByteArray()), hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(), service,
                            span.getKind().name(), span.getStartTimeUnixNano(), span.getEndTimeUnixNano())));
                }
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            if (response.length > 0) {
                exchange.getResponseBody().write(response);
            }
        }
    }

    /**
     * {@code GET /v1/traces?traceId=a,b,...}: the spans of those traces, a line each ({@link ReceivedSpan#of}),
     * so that another process (the benchmark) can read where a referral's time went.
     */
    private void answerSpans(HttpExchange exchange) throws IOException {
        String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
        Set<String> wanted = query.startsWith("traceId=") ? Set.of(query.substring("traceId=".length()).split(","))
                : Set.of();
        StringBuilder lines = new StringBuilder();
        spans.stream().filter(span -> wanted.contains(span.traceId()))
                .forEach(span -> lines.append(span.line()).append('\n'));
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/tab-separated-values; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
