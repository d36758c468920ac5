package app.thaw.platform.problem;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;

/**
 * Answers, as problem+json, the requests the HTTP decoder itself cannot read: a request line
 * (method, path and query) or headers over the server's limits, or bytes that are no HTTP request.
 * Reactor Netty answers those itself, before any Spring code sees them, with an empty 414, 431 or
 * 400 — the one place a client would get an error without a problem document. This handler sits
 * right after the decoder and answers first, with the same status, a documented {@code code} and
 * {@code Connection: close} (the decoder skips the rest of such a connection, as Reactor Netty
 * does). Nothing of the request is echoed: it may hold what Thaw must not repeat.
 */
final class UnreadableRequestProblems extends ChannelInboundHandlerAdapter {

    static final String NAME = "thaw.unreadableRequestProblems";
    static final String LINE_TOO_LONG = "request_line_too_long";
    static final String HEADERS_TOO_LARGE = "headers_too_large";
    static final String MALFORMED = "malformed_request";

    private boolean answered;

    /** Adds the handler after the HTTP/1.1 decoder of a new connection (none there, as for HTTP/2: nothing to do). */
    static void addTo(ChannelPipeline pipeline) {
        if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(NAME) == null) {
            pipeline.addAfter(NettyPipeline.HttpCodec, NAME, new UnreadableRequestProblems());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (answered) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpObject http && http.decoderResult().isFailure()) {
            answered = true;
            Throwable cause = http.decoderResult().cause();
            ReferenceCountUtil.release(message);
            context.writeAndFlush(problem(cause)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        context.fireChannelRead(message);
    }

    static FullHttpResponse problem(Throwable cause) {
        HttpResponseStatus status;
        String code;
        String title;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
            code = LINE_TOO_LONG;
            title = "URI Too Long";
            detail = "The request line (method, path and query) is longer than this server reads; shorten the query.";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            code = HEADERS_TOO_LARGE;
            title = "Request Header Fields Too Large";
            detail = "The request's headers are larger than this server reads.";
        } else {
            status = HttpResponseStatus.BAD_REQUEST;
            code = MALFORMED;
            title = "Bad Request";
            detail = "The request could not be read as HTTP.";
        }
        // Constant text only, so it is written as it stands; the members are those of every Thaw problem.
        String json = "{\"type\":\"" + Problems.TYPE_PREFIX + code + "\",\"title\":\"" + title + "\",\"status\":"
                + status.code() + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
