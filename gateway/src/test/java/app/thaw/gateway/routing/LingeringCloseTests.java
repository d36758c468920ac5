package app.thaw.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lingering close on one connection, by what passes its handler: request parts coming in, answers going out, and
 * the close Reactor Netty asks for after an answer with {@code Connection: close}. Bounds here: 1000 bytes, 30 s,
 * 5 s without a byte. ({@code GatewayResilienceTests} has the same over real sockets, on both paths.)
 */
class LingeringCloseTests {

    private final EmbeddedChannel connection = new EmbeddedChannel(
            new LingeringClose.Drain(1000, TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(5)));

    @AfterEach
    void release() {
        connection.finishAndReleaseAll();
    }

    @Test
    void aCloseAfterTheAnswerWaitsUntilTheBodyHasArrivedAndDropsIt() {
        upload(false);
        answer(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        closeAsReactorNettyDoes();
        assertThat(connection.isOpen()).as("held while the body arrives").isTrue();
        connection.writeInbound(piece(600));
        assertThat(connection.isOpen()).isTrue();
        assertThat((Object) connection.readInbound())
                .as("nothing passed on after the close")
                .isNull();
        connection.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(connection.isOpen()).as("closed when the body ended").isFalse();
    }

    @Test
    void aCallerSendingPastMaxBytesIsClosed() {
        upload(false);
        answer(HttpResponseStatus.NOT_FOUND);
        closeAsReactorNettyDoes();
        connection.writeInbound(piece(600));
        assertThat(connection.isOpen()).isTrue();
        connection.writeInbound(piece(600));
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void keptAliveTheBodyPassesOnToReactorNettyUntilMaxBytes() {
        upload(false);
        answer(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        connection.writeInbound(piece(600));
        HttpContent passed = connection.readInbound();
        assertThat(passed.content().readableBytes())
                .as("Reactor Netty skips it itself")
                .isEqualTo(600);
        passed.release();
        connection.writeInbound(piece(600));
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void keptAliveAConnectionWhoseBodyEndedServesTheNextRequestAsBefore() {
        upload(false);
        answer(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        connection.writeInbound(piece(600), LastHttpContent.EMPTY_LAST_CONTENT);
        connection.writeInbound(piece(600), piece(600)); // the next request's body: no longer counted
        assertThat(connection.isOpen()).isTrue();
        connection.advanceTimeBy(40, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).as("no timer left behind").isTrue();
    }

    @Test
    void aCallerStillWaitingForContinueSendsNoBodyAndIsClosedAtOnce() {
        upload(true);
        answer(HttpResponseStatus.UNAUTHORIZED); // before any 100: the gateway's own refusal
        closeAsReactorNettyDoes();
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void aCallerToldToContinueIsReadToTheEndOfItsBody() {
        upload(true);
        connection.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        answer(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        closeAsReactorNettyDoes();
        assertThat(connection.isOpen()).isTrue();
        connection.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void theAnswerToAnEarlierPipelinedRequestLeavesTheNextBodyAlone() {
        connection.writeInbound(
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/cases/whoami"));
        ReferenceCountUtil.release(connection.readInbound());
        upload(false);
        answer(HttpResponseStatus.OK); // the first request's
        connection.writeInbound(piece(600), piece(600));
        assertThat(connection.inboundMessages()).as("passed on, past max-bytes").hasSize(2);
        closeAsReactorNettyDoes();
        assertThat(connection.isOpen()).as("the second body is not drained").isFalse();
    }

    @Test
    void aCallerQuietForTheIdleTimeoutIsClosed() {
        upload(false);
        answer(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        closeAsReactorNettyDoes();
        connection.advanceTimeBy(4, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        connection.writeInbound(piece(10));
        connection.advanceTimeBy(4, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).as("4 s after the last byte").isTrue();
        connection.advanceTimeBy(2, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).as("6 s after the last byte").isFalse();
    }

    @Test
    void aCallerTricklingItsBodyIsClosedAfterMaxTime() {
        upload(false);
        answer(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        closeAsReactorNettyDoes();
        for (int second = 1; second < 30; second++) {
            connection.advanceTimeBy(1, TimeUnit.SECONDS);
            connection.runScheduledPendingTasks();
            connection.writeInbound(piece(1));
        }
        assertThat(connection.isOpen()).as("after 29 s").isTrue();
        connection.advanceTimeBy(1, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).as("after 30 s").isFalse();
    }

    /** Through the pipeline, as Reactor Netty closes ({@code EmbeddedChannel.close()} would also cancel the timers). */
    private void closeAsReactorNettyDoes() {
        connection.pipeline().close();
    }

    /** An upload's head; its body follows, or not. */
    private void upload(boolean expectContinue) {
        HttpRequest request =
                new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/evidence/cases/c-1/items");
        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, 1 << 30);
        if (expectContinue) {
            request.headers().set(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE);
        }
        connection.writeInbound(request);
        assertThat((Object) connection.readInbound()).isSameAs(request);
    }

    private void answer(HttpResponseStatus status) {
        connection.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status));
    }

    private static HttpContent piece(int bytes) {
        return new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[bytes]));
    }
}
