package app.thaw.gateway.routing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.netty.channel.AbortedException;

/**
 * The data plane's client for calls without a request body (most API calls: GET, HEAD, DELETE), over plain HTTP/1.1
 * to one service address: Netty's own HTTP codec and a pool of kept-alive connections per event loop (ADR 104,
 * addendum). A call takes a connection on its caller's own event loop, so nothing is handed between threads and the
 * pool needs no lock; Reactor Netty's client (a pool shared by all loops, a copy of its configuration and a chain of
 * operators per call) cost a fifth of the gateway's throughput in a side-by-side benchmark.
 *
 * <p>What a call gets, as from Reactor Netty's client: the service must start its answer within the route's response
 * timeout and then go on sending without a silence as long ({@link ReadTimeoutException}, which the breaker turns
 * into a 503 "did not answer in time"); a kept-alive connection the service closed while idle is tried again once
 * on a new connection (nothing was sent that took effect: the request never arrived); the answer's body is read
 * only as fast as the caller takes it (auto-read off, one read per demand); a caller that goes away mid-answer closes
 * the service's connection. Calls with a body stay on Reactor Netty's client, which streams uploads.
 */
final class LeanServiceClient {

    private static final AttributeKey<Relay> RELAY = AttributeKey.valueOf("thaw.leanRelay");

    /** A service's answer: its head, and its body as it is read. */
    record Answer(HttpResponse head, Flux<ByteBuf> body) {}

    private final InetSocketAddress address;
    private final Map<EventLoop, ArrayDeque<Channel>> idle = new ConcurrentHashMap<>();

    private final int connectTimeoutMillis;

    LeanServiceClient(InetSocketAddress address, int connectTimeoutMillis) {
        this.address = address;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /**
     * Sends a request without a body on a kept-alive connection of this event loop (the caller's), opened with the
     * caller's kind of socket channel (epoll or NIO, which that loop serves); the answer's head, or a failure.
     */
    Mono<Answer> exchange(
            EventLoop loop, Class<? extends Channel> type, FullHttpRequest head, Duration responseTimeout) {
        return Mono.create(sink -> {
            // Once per call (a sink keeps one cancel hook): whichever connection the call is on when it is cancelled.
            Relay[] active = new Relay[1]; // read and written on the loop only
            sink.onCancel(() -> loop.execute(() -> {
                if (active[0] != null) {
                    active[0].cancel(sink);
                }
            }));
            if (loop.inEventLoop()) {
                start(loop, type, head, responseTimeout, sink, true, active);
            } else {
                loop.execute(() -> start(loop, type, head, responseTimeout, sink, true, active));
            }
        });
    }

    private void start(
            EventLoop loop,
            Class<? extends Channel> type,
            FullHttpRequest head,
            Duration timeout,
            MonoSink<Answer> sink,
            boolean mayRetry,
            Relay[] active) {
        ArrayDeque<Channel> pool = idle.computeIfAbsent(loop, key -> new ArrayDeque<>());
        Channel reused;
        while ((reused = pool.pollFirst()) != null && !reused.isActive()) {
            // closed by the service while idle
        }
        if (reused != null) {
            send(reused, type, head, timeout, sink, mayRetry, pool, loop, active);
            return;
        }
        new Bootstrap()
                .group(loop)
                .channel(type)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void handlerAdded(ChannelHandlerContext context) {
                        context.pipeline().addBefore(context.name(), "codec", new HttpClientCodec());
                        Relay relay = new Relay();
                        context.channel().attr(RELAY).set(relay);
                        context.pipeline().replace(context.name(), "relay", relay);
                    }
                })
                .connect(address)
                .addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess()) {
                        sink.error(connected.cause());
                        return;
                    }
                    send(connected.channel(), type, head, timeout, sink, false, pool, loop, active);
                });
    }

    private void send(
            Channel channel,
            Class<? extends Channel> type,
            FullHttpRequest head,
            Duration timeout,
            MonoSink<Answer> sink,
            boolean reused,
            ArrayDeque<Channel> pool,
            EventLoop loop,
            Relay[] active) {
        Relay relay = channel.attr(RELAY).get();
        active[0] = relay;
        relay.begin(sink, pool, reused ? () -> start(loop, type, head, timeout, sink, false, active) : null, timeout);
        HttpUtil.setKeepAlive(head, true);
        channel.writeAndFlush(head).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                relay.fail(written.cause());
            } else {
                channel.read();
            }
        });
    }

    /** A connection's one call at a time: the head to the waiting caller, then the body on demand. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        private @Nullable MonoSink<Answer> waiting;
        private @Nullable AnswerBody current;
        private @Nullable ArrayDeque<Channel> pool;
        private @Nullable Runnable retry;
        private @Nullable ScheduledFuture<?> timer;
        private @Nullable ChannelHandlerContext context;
        private boolean keepAlive;
        private long timeoutNanos;

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            this.context = context;
        }

        void begin(MonoSink<Answer> sink, ArrayDeque<Channel> pool, @Nullable Runnable retry, Duration timeout) {
            this.timeoutNanos = timeout.toNanos();
            restartTimer();
            this.waiting = sink;
            this.pool = pool;
            this.retry = retry;
            this.current = null;
        }

        /** The caller went away before the answer's head: the connection, half-used, is not reusable. */
        void cancel(MonoSink<Answer> sink) {
            if (waiting == sink) {
                waiting = null;
                retry = null;
                cancelTimer();
                if (context != null) {
                    context.close();
                }
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpResponse response) {
                MonoSink<Answer> sink = waiting;
                waiting = null;
                retry = null;
                cancelTimer();
                keepAlive = HttpUtil.isKeepAlive(response);
                if (sink == null) {
                    context.close();
                    return;
                }
                AnswerBody answerBody = new AnswerBody(context.channel());
                current = answerBody;
                sink.success(
                        new Answer(response, Flux.create(answerBody::subscribe, FluxSink.OverflowStrategy.BUFFER)));
            }
            if (message instanceof HttpContent content) {
                AnswerBody answerBody = current;
                ByteBuf bytes = content.content();
                if (answerBody != null && bytes.isReadable()) {
                    answerBody.next(bytes);
                } else {
                    bytes.release();
                }
                if (message instanceof LastHttpContent) {
                    current = null;
                    cancelTimer();
                    if (keepAlive && pool != null) {
                        pool.addFirst(context.channel());
                    } else {
                        context.close();
                    }
                    if (answerBody != null) {
                        answerBody.end();
                    }
                }
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext context) {
            AnswerBody answerBody = current;
            if (answerBody != null) {
                restartTimer(); // the service must go on sending its answer: silence past the timeout fails it
            }
            if (waiting != null || (answerBody != null && answerBody.wantsMore())) {
                context.read(); // no whole message yet, or more wanted
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            fail(new AbortedException("Connection prematurely closed BEFORE response"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            fail(cause);
            context.close();
        }

        void fail(Throwable cause) {
            cancelTimer();
            MonoSink<Answer> sink = waiting;
            if (sink != null) {
                waiting = null;
                Runnable again = retry;
                retry = null;
                if (context != null) {
                    context.close();
                }
                if (again != null && !(cause instanceof ReadTimeoutException)) {
                    again.run(); // a kept-alive connection the service had closed: once more on a new one
                } else {
                    sink.error(cause);
                }
                return;
            }
            AnswerBody answerBody = current;
            if (answerBody != null) {
                current = null;
                answerBody.fail(cause);
                if (context != null) {
                    context.close(); // an answer cut short: the connection is not reusable
                }
            }
        }

        private void restartTimer() {
            cancelTimer();
            ChannelHandlerContext at = context;
            if (at != null) {
                timer = at.executor()
                        .schedule(() -> fail(ReadTimeoutException.INSTANCE), timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }

        private void cancelTimer() {
            ScheduledFuture<?> pending = timer;
            timer = null;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }

    /**
     * One answer's body: the pieces read before anyone asked for them are kept (at most one read's worth), then
     * each further read is asked for only when the caller's side wants more. All on the connection's event loop.
     */
    private static final class AnswerBody {
        private final Channel channel;
        private final ArrayDeque<ByteBuf> early = new ArrayDeque<>();
        private @Nullable FluxSink<ByteBuf> emitter;
        private boolean ended;
        private @Nullable Throwable failure;

        AnswerBody(Channel channel) {
            this.channel = channel;
        }

        void subscribe(FluxSink<ByteBuf> sink) {
            Runnable attach = () -> {
                ByteBuf first;
                while ((first = early.pollFirst()) != null) {
                    sink.next(first);
                }
                if (failure != null) {
                    sink.error(failure);
                } else if (ended) {
                    sink.complete();
                } else {
                    emitter = sink;
                    sink.onRequest(n -> channel.read());
                    sink.onCancel(() -> {
                        if (emitter == sink && !ended) {
                            emitter = null;
                            channel.close(); // the caller went away mid-answer: this connection is not reusable
                        }
                    });
                }
            };
            if (channel.eventLoop().inEventLoop()) {
                attach.run();
            } else {
                channel.eventLoop().execute(attach);
            }
        }

        void next(ByteBuf bytes) {
            FluxSink<ByteBuf> sink = emitter;
            if (sink != null) {
                sink.next(bytes);
            } else {
                early.addLast(bytes);
            }
        }

        void end() {
            ended = true;
            FluxSink<ByteBuf> sink = emitter;
            if (sink != null) {
                sink.complete();
            }
        }

        void fail(Throwable cause) {
            failure = cause;
            FluxSink<ByteBuf> sink = emitter;
            if (sink != null) {
                sink.error(cause);
            }
        }

        boolean wantsMore() {
            FluxSink<ByteBuf> sink = emitter;
            return !ended && sink != null && sink.requestedFromDownstream() > 0;
        }
    }
}
