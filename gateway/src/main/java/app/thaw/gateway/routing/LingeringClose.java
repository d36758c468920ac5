package app.thaw.gateway.routing;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A lingering close, as nginx's: when an answer has been sent while the caller's request body is still arriving
 * (a service refused an upload from its headers: 413 over the tenant's limit, 404 for an unknown case), the gateway
 * reads the rest of the body and throws it away before it closes the connection, on both paths (the data plane and
 * Spring Cloud Gateway share the server).
 *
 * <p>Reactor Netty closes the connection after a non-2xx answer to a request whose caller was told to go on
 * ({@code Expect: 100-continue}, then the gateway's {@code 100}) and whose body has not all arrived (reactor-netty
 * #2910). Closed with unread bytes in its buffer, a socket is reset, and a reset throws away what the caller had not
 * yet read: a caller still writing its body (the JDK's {@code HttpClient}) lost the service's answer. Held back here,
 * that close becomes a half-close — the answer's end is marked with a FIN (not under TLS, where the answer's length
 * marks it) — then the body is read to its end, and only then is the connection closed. Without {@code Expect}
 * Reactor Netty keeps the connection and skips the rest of the body itself; that skipping gets the same bounds.
 *
 * <p>Nothing is kept: each piece is released as it arrives. A caller cannot hold a connection for ever: after
 * {@code max-bytes}, {@code max-time}, or {@code idle-timeout} without a byte ({@link LingeringCloseProperties}),
 * the connection is closed. A caller that expected {@code 100-continue} and was answered before it (the gateway's
 * own 401, 413 by length, 429) sends no body: that connection closes at once, as before.
 */
@Component
public class LingeringClose implements NettyServerCustomizer {

    static final String NAME = "thaw.lingeringClose";

    private static final Logger log = LoggerFactory.getLogger(LingeringClose.class);

    private final long maxBytes;
    private final long maxTimeNanos;
    private final long idleTimeoutNanos;

    LingeringClose(LingeringCloseProperties properties) {
        this.maxBytes = properties.maxBytes().toBytes();
        this.maxTimeNanos = properties.maxTime().toNanos();
        this.idleTimeoutNanos = properties.idleTimeout().toNanos();
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> addTo(channel.pipeline()));
    }

    /** Between the HTTP/1.1 codec and Reactor Netty's traffic handler, which closes (none for HTTP/2: nothing to do). */
    void addTo(ChannelPipeline pipeline) {
        if (pipeline.get(NettyPipeline.HttpCodec) == null || pipeline.get(NAME) != null) {
            return;
        }
        Drain drain = new Drain(maxBytes, maxTimeNanos, idleTimeoutNanos);
        if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
            pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, drain);
        } else {
            pipeline.addAfter(NettyPipeline.HttpCodec, NAME, drain);
        }
    }

    /** One connection's: which request is answered, whether its body is still arriving, and the drain after it. */
    static final class Drain extends ChannelDuplexHandler {
        private final long maxBytes;
        private final long maxTimeNanos;
        private final long idleTimeoutNanos;

        /** Requests whose head arrived, and final answers written to their end: equal when the latest is answered. */
        private long requests;

        private long answers;
        private boolean answering;
        /** The latest request's body has not ended yet. */
        private boolean bodyArriving;
        /** Its caller expects {@code 100-continue} and has not been told to go on: it sends no body. */
        private boolean continueAwaited;

        private boolean draining;
        /** The close Reactor Netty asked for, held until the body ends or a bound is reached. */
        private @Nullable ChannelPromise heldClose;

        private long drained;
        private long drainStarted;
        private long lastRead;
        private @Nullable ScheduledFuture<?> timer;

        Drain(long maxBytes, long maxTimeNanos, long idleTimeoutNanos) {
            this.maxBytes = maxBytes;
            this.maxTimeNanos = maxTimeNanos;
            this.idleTimeoutNanos = idleTimeoutNanos;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                requests++;
                // A request the decoder could not read is answered and closed by others; its bytes are not a body.
                bodyArriving = !(message instanceof LastHttpContent)
                        && !request.decoderResult().isFailure();
                continueAwaited = HttpUtil.is100ContinueExpected(request);
            } else if (message instanceof HttpContent content) {
                boolean last = message instanceof LastHttpContent;
                if (last) {
                    bodyArriving = false;
                }
                if (draining && !drainedAway(context, content, last)) {
                    return;
                }
            }
            context.fireChannelRead(message);
        }

        /** Counts a piece read after the answer; false when it was thrown away here (not passed on). */
        private boolean drainedAway(ChannelHandlerContext context, HttpContent content, boolean last) {
            drained += content.content().readableBytes();
            lastRead = context.executor().ticker().nanoTime();
            if (heldClose != null) {
                content.release(); // the connection is closing: nobody after this handler reads any more
                if (last) {
                    closeNow(context, "the body ended");
                } else if (drained > maxBytes) {
                    closeNow(context, "max-bytes");
                }
                return false;
            }
            if (last) {
                stopDraining(); // kept alive: Reactor Netty skips the rest and waits for the next request
                return true;
            }
            if (drained > maxBytes) {
                content.release();
                closeNow(context, "max-bytes");
                return false;
            }
            return true;
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof HttpResponse response) {
                if (response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                    answering = true;
                } else if (response.status().code() == HttpResponseStatus.CONTINUE.code()) {
                    continueAwaited = false;
                }
            }
            if (answering && message instanceof LastHttpContent) {
                answering = false;
                answers++;
                if (answers == requests && bodyArriving && !continueAwaited) {
                    startDraining(context);
                }
            }
            context.write(message, promise);
        }

        @Override
        public void close(ChannelHandlerContext context, ChannelPromise promise) {
            if (!draining || heldClose != null || !context.channel().isActive()) {
                context.close(promise);
                return;
            }
            heldClose = promise;
            // After everything written so far has gone out, the answer's end is marked; then reading goes on.
            context.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> halfClose(context));
            context.channel().config().setAutoRead(true);
            context.read();
        }

        private static void halfClose(ChannelHandlerContext context) {
            if (context.channel() instanceof DuplexChannel duplex
                    && duplex.isActive()
                    && context.pipeline().get(SslHandler.class) == null) {
                duplex.shutdownOutput();
            }
        }

        private void startDraining(ChannelHandlerContext context) {
            draining = true;
            drained = 0;
            drainStarted = context.executor().ticker().nanoTime(); // the clock the event loop's timers follow
            lastRead = drainStarted;
            timer = context.executor()
                    .schedule(() -> checkTime(context), Math.min(idleTimeoutNanos, maxTimeNanos), TimeUnit.NANOSECONDS);
        }

        private void checkTime(ChannelHandlerContext context) {
            timer = null;
            if (!draining) {
                return;
            }
            long idleEnds = lastRead + idleTimeoutNanos;
            long timeEnds = drainStarted + maxTimeNanos;
            long deadline = idleEnds - timeEnds < 0 ? idleEnds : timeEnds;
            long left = deadline - context.executor().ticker().nanoTime();
            if (left <= 0) {
                closeNow(context, deadline == idleEnds ? "idle-timeout" : "max-time");
            } else {
                timer = context.executor().schedule(() -> checkTime(context), left, TimeUnit.NANOSECONDS);
            }
        }

        private void stopDraining() {
            draining = false;
            ScheduledFuture<?> pending = timer;
            timer = null;
            if (pending != null) {
                pending.cancel(false);
            }
        }

        private void closeNow(ChannelHandlerContext context, String why) {
            if (log.isDebugEnabled()) {
                log.debug("Closing {} after {} bytes read past the answer: {}", context.channel(), drained, why);
            }
            stopDraining();
            ChannelPromise held = heldClose;
            heldClose = null;
            context.close(held != null ? held : context.newPromise());
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            stopDraining();
            ChannelPromise held = heldClose;
            heldClose = null;
            if (held != null) {
                context.close(held); // already closed by the caller: this completes the close that was asked for
            }
            context.fireChannelInactive();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext context) {
            stopDraining();
        }
    }
}
