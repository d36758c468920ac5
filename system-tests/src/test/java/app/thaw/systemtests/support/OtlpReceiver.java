package app.thaw.systemtests.support;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import org.awaitility.Awaitility;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An OpenTelemetry collector in the test JVM: every Thaw process exports its spans here over
 * OTLP/HTTP (protobuf), so a test can check that one trace spans the gateway, the services and
 * the events between them. Metrics and logs are accepted and dropped.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span, with the {@code service.name} of the process that sent it. */
    public record Span(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Map<String, String> attributes) {}

    private final Queue<Span> spans = new ConcurrentLinkedQueue<>();
    private final DisposableServer server;

    public OtlpReceiver() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post(
                                "/v1/traces",
                                (request, response) -> request.receive()
                                        .aggregate()
                                        .asByteArray()
                                        .doOnNext(this::record)
                                        .then(response.header("Content-Type", "application/x-protobuf")
                                                .sendByteArray(Mono.just(ExportTraceServiceResponse.getDefaultInstance()
                                                        .toByteArray()))
                                                .then()))
                        .post(
                                "/v1/metrics",
                                (request, response) -> request.receive()
                                        .then(response.status(200).send()))
                        .post(
                                "/v1/logs",
                                (request, response) -> request.receive()
                                        .then(response.status(200).send())))
                .bindNow();
    }

    /** The OTLP/HTTP base URL to give a process as {@code THAW_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    public List<Span> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Waits (spans are exported in batches every few seconds) until the trace has what the test needs. */
    public List<Span> awaitTrace(String traceId, Predicate<List<Span>> complete, Duration timeout) {
        return Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> spansOf(traceId), complete::test);
    }

    private void record(byte[] body) {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an OTLP trace export", e);
        }
        HexFormat hex = HexFormat.of();
        request.getResourceSpansList().forEach(resource -> {
            String service =
                    attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
            resource.getScopeSpansList()
                    .forEach(scope -> scope.getSpansList()
                            .forEach(span -> spans.add(new Span(
                                    service,
                                    hex.formatHex(span.getTraceId().toByteArray()),
                                    hex.formatHex(span.getSpanId().toByteArray()),
                                    hex.formatHex(span.getParentSpanId().toByteArray()),
                                    span.getName(),
                                    attributes(span.getAttributesList())))));
        });
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        return values.stream()
                .collect(Collectors.toMap(
                        KeyValue::getKey, value -> value.getValue().getStringValue(), (first, second) -> first));
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
