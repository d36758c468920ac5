package app.thaw.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Another service's /internal/events over real HTTP, that can be down for a while and refuses
 * "poison" events until told otherwise. Counts what it accepted, per event id.
 */
final class StubSubscriber implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicBoolean acceptPoison = new AtomicBoolean();
    final AtomicInteger requests = new AtomicInteger();
    private final DisposableServer server;

    StubSubscriber() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post(
                        "/internal/events",
                        (request, response) -> request.receive()
                                .aggregate()
                                .asString()
                                .flatMap(body -> {
                                    requests.incrementAndGet();
                                    if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                                        return response.status(503).send().then();
                                    }
                                    if (first(TYPE, body).endsWith(".poison") && !acceptPoison.get()) {
                                        return response.status(400).send().then();
                                    }
                                    accepted.computeIfAbsent(first(ID, body), id -> new AtomicInteger())
                                            .incrementAndGet();
                                    return response.status(200).send().then();
                                })))
                .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/internal/events";
    }

    int acceptedTimes(String eventId) {
        AtomicInteger count = accepted.get(eventId);
        return count == null ? 0 : count.get();
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
