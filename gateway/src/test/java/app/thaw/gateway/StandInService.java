package app.thaw.gateway;

import java.util.Queue;
import java.util.function.BiFunction;

import org.reactivestreams.Publisher;
import org.springframework.http.HttpHeaders;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A stand-in for a service behind the gateway, for the gateway's tests: real HTTP on a free local port, which keeps a
 * copy of every request's headers (what the gateway sent on: Authorization, traceparent…) and answers as told.
 */
public final class StandInService {

    private StandInService() {}

    /** Starts the stand-in: each request's headers are added to {@code received}, then {@code answer} answers it. */
    public static DisposableServer start(
            Queue<HttpHeaders> received, BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> answer) {
        return HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> {
                    HttpHeaders copy = new HttpHeaders();
                    request.requestHeaders().forEach(header -> copy.add(header.getKey(), header.getValue()));
                    received.add(copy);
                    return answer.apply(request, response);
                })
                .bindNow();
    }
}
