package app.thaw.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP server on a loopback port for tests (SMS providers, webhook receivers): it records
 * every request and answers each path from a script of responses, then with 200.
 */
public final class HttpStub implements AutoCloseable {

    public record Received(String path, Map<String, List<String>> headers, String body, Instant at) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    public record Answer(int status, Map<String, String> headers, String body, Duration delay) {

        public static Answer status(int status) {
            return new Answer(status, Map.of(), "{}", Duration.ZERO);
        }

        public Answer withHeader(String name, String value) {
            return new Answer(status, Map.of(name, value), body, delay);
        }

        public Answer delayed(Duration by) {
            return new Answer(status, headers, body, by);
        }
    }

    private final DisposableServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedQueue<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();
    /** Numbers the default answers' ids; a counter, as the queue's size() walks the whole queue. */
    private final AtomicLong answered = new AtomicLong();

    public HttpStub() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString()
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            String path = request.path().isEmpty() ? "/" : "/" + request.path();
                            Map<String, List<String>> headers = request.requestHeaders().entries().stream()
                                    .collect(Collectors.groupingBy(
                                            entry -> entry.getKey().toLowerCase(),
                                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
                            received.add(new Received(path, headers, body, Instant.now()));
                            Answer answer = next(path);
                            Mono<Void> reply = Mono.defer(() -> {
                                answer.headers().forEach(response::header);
                                return response.status(answer.status())
                                        .header("Content-Type", "application/json")
                                        .sendString(Mono.just(answer.body()))
                                        .then();
                            });
                            return answer.delay().isZero()
                                    ? reply
                                    : Mono.delay(answer.delay()).then(reply);
                        }))
                .bindNow();
    }

    private Answer next(String path) {
        ConcurrentLinkedQueue<Answer> script = scripts.get(path);
        Answer scripted = script == null ? null : script.poll();
        if (scripted != null) {
            return scripted;
        }
        return always.getOrDefault(
                path, new Answer(200, Map.of(), "{\"id\":\"stub-" + answered.incrementAndGet() + "\"}", Duration.ZERO));
    }

    /** The next requests to {@code path} get these answers, in order. */
    public void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, any -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    /** Every request to {@code path} gets this answer (after any script). */
    public void always(String path, Answer answer) {
        always.put(path, answer);
    }

    public void reset(String path) {
        scripts.remove(path);
        always.remove(path);
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
