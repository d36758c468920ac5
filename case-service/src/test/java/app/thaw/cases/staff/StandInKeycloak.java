package app.thaw.cases.staff;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A stand-in for one GET of Keycloak's admin API (realm {@code thaw}): answers {@code body} with {@code status}, remembers what it was asked. */
final class StandInKeycloak implements AutoCloseable {

    final AtomicInteger calls = new AtomicInteger();
    final AtomicReference<String> asked = new AtomicReference<>();
    final AtomicReference<String> bearer = new AtomicReference<>();
    volatile int status = 200;
    private final DisposableServer server;

    StandInKeycloak(String path, String body) {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/admin/realms/thaw" + path, (request, response) -> {
                    calls.incrementAndGet();
                    asked.set(request.uri());
                    bearer.set(request.requestHeaders().get("Authorization"));
                    return response.status(status)
                            .header("Content-Type", "application/json")
                            .sendString(Mono.just(body));
                }))
                .bindNow();
    }

    /** The realm's admin base, as the service derives it from the realm's certs address. */
    URI admin() {
        return StaffDirectory.adminBase(
                URI.create("http://127.0.0.1:" + server.port() + "/realms/thaw/protocol/openid-connect/certs"));
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
