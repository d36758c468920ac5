package app.thaw.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The data plane's client for calls without a body ({@link LeanServiceClient}) against a real HTTP server: what it
 * must keep of Reactor Netty's client — answers relayed whole, connections kept alive and reused, the response
 * timeout before the head and between pieces of the body, a connection the service closed while idle not turned into
 * a failure, and a body read only as fast as the caller takes it.
 */
class LeanServiceClientTests {

    static final MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    static final EventLoop loop = loops.next();

    final AtomicInteger connections = new AtomicInteger();
    DisposableServer service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.disposeNow();
        }
    }

    @AfterAll
    static void stopLoops() {
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void anAnswerComesBackWholeAndItsConnectionServesTheNextCall() {
        serve(routes -> routes.get(
                "/hello",
                (request, response) -> response.header("X-Seen", request.uri())
                        .sendString(
                                Mono.just("hello " + request.requestHeaders().get("X-Caller")))));
        LeanServiceClient client = client();

        for (int call = 0; call < 3; call++) {
            FullHttpRequest head = get("/hello");
            head.headers().set("X-Caller", "call-" + call);
            LeanServiceClient.Answer answer = client.exchange(loop, NioSocketChannel.class, head, Duration.ofSeconds(5))
                    .block();
            assertThat(answer.head().status().code()).isEqualTo(200);
            assertThat(answer.head().headers().get("X-Seen")).isEqualTo("/hello");
            assertThat(text(answer.body())).isEqualTo("hello call-" + call);
        }
        assertThat(connections).as("one kept-alive connection for three calls").hasValue(1);
    }

    @Test
    void aServiceSilentPastTheResponseTimeoutFailsTheCallWithAReadTimeout() {
        serve(routes -> routes.get(
                "/slow",
                (request, response) -> Mono.delay(Duration.ofSeconds(3))
                        .then(response.sendString(Mono.just("late")).then())));

        assertThatThrownBy(() -> client().exchange(loop, NioSocketChannel.class, get("/slow"), Duration.ofMillis(300))
                        .block(Duration.ofSeconds(5)))
                .isInstanceOf(ReadTimeoutException.class);
    }

    @Test
    void aServiceThatFallsSilentMidAnswerFailsTheBodyWithAReadTimeout() {
        serve(routes -> routes.get(
                "/stalls",
                (request, response) -> response.sendString(Flux.concat(
                        Flux.just("first piece "),
                        Mono.delay(Duration.ofSeconds(3)).map(tick -> "never")))));
        LeanServiceClient.Answer answer = client().exchange(
                        loop, NioSocketChannel.class, get("/stalls"), Duration.ofMillis(500))
                .block(Duration.ofSeconds(5));

        assertThat(answer.head().status().code()).isEqualTo(200);
        assertThatThrownBy(() -> text(answer.body())).isInstanceOf(ReadTimeoutException.class);
    }

    @Test
    void aKeptAliveConnectionTheServiceClosedWhileIdleIsNoFailure() throws Exception {
        // The service keeps a connection at most 200 ms idle, then closes it (as a restarted or idle-trimming one
        // does).
        service = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .idleTimeout(Duration.ofMillis(200))
                .doOnChannelInit((observer, channel, remote) -> connections.incrementAndGet())
                .route(routes -> routes.get("/again", (request, response) -> response.sendString(Mono.just("again"))))
                .bindNow();
        LeanServiceClient client = client();

        for (int call = 0; call < 3; call++) {
            LeanServiceClient.Answer answer = client.exchange(
                            loop, NioSocketChannel.class, get("/again"), Duration.ofSeconds(5))
                    .block();
            assertThat(text(answer.body())).isEqualTo("again");
            Thread.sleep(500);
        }
        assertThat(connections).as("a new connection after each idle close").hasValue(3);
    }

    @Test
    void aLargeAnswerIsReadOnlyAsFastAsTheCallerTakesItAndACallerThatLeavesClosesTheConnection() throws Exception {
        // A plain socket server, whose blocking writes show how much the client has taken off the wire.
        AtomicInteger mebibytesWritten = new AtomicInteger();
        java.util.concurrent.CompletableFuture<Throwable> writeFailed = new java.util.concurrent.CompletableFuture<>();
        try (java.net.ServerSocket server =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (java.net.Socket socket = server.accept()) {
                    java.io.InputStream in = socket.getInputStream();
                    int matched = 0;
                    while (matched < 4) { // the request's head ends with an empty line
                        int b = in.read();
                        matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
                    }
                    java.io.OutputStream out = socket.getOutputStream();
                    out.write(
                            "HTTP/1.1 200 OK\r\nContent-Length: 268435456\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] mebibyte = new byte[1 << 20];
                    for (int i = 0; i < 256; i++) {
                        out.write(mebibyte);
                        mebibytesWritten.incrementAndGet();
                    }
                } catch (Exception e) {
                    writeFailed.complete(e);
                }
            });
            LeanServiceClient client =
                    new LeanServiceClient(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 2000);
            FullHttpRequest head =
                    new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/large", Unpooled.EMPTY_BUFFER);
            LeanServiceClient.Answer answer = client.exchange(loop, NioSocketChannel.class, head, Duration.ofSeconds(5))
                    .block(Duration.ofSeconds(5));

            OnePieceAtATime taker = new OnePieceAtATime();
            answer.body().subscribe(taker);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> taker.received.get() > 0);
            Thread.sleep(700);
            assertThat(mebibytesWritten.get())
                    .as("MiB the service could write while the caller took one piece (socket buffers, not 256)")
                    .isLessThan(32);

            taker.dispose();
            assertThat(writeFailed.get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the service's connection closed under its writes")
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    /** Takes one piece of a body and then no more. */
    static final class OnePieceAtATime extends BaseSubscriber<ByteBuf> {
        final AtomicInteger received = new AtomicInteger();

        @Override
        protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
            request(1);
        }

        @Override
        protected void hookOnNext(ByteBuf piece) {
            received.incrementAndGet();
            piece.release();
        }
    }

    private void serve(java.util.function.Consumer<HttpServerRoutes> routes) {
        service = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnChannelInit((observer, channel, remote) -> connections.incrementAndGet())
                .route(routes)
                .bindNow();
    }

    private LeanServiceClient client() {
        return new LeanServiceClient(new InetSocketAddress("127.0.0.1", service.port()), 2000);
    }

    private FullHttpRequest get(String path) {
        FullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
        request.headers().set("Host", "127.0.0.1:" + service.port());
        return request;
    }

    private static String text(Flux<ByteBuf> body) {
        return body.map(piece -> {
                    try {
                        return piece.toString(StandardCharsets.UTF_8);
                    } finally {
                        piece.release();
                    }
                })
                .reduce("", String::concat)
                .block(Duration.ofSeconds(5));
    }
}
