package dev.vigil.server.http;

import dev.vigil.protocol.StreamingBody;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSinkChannel;

/**
 * Writes a {@link StreamingBody} to one HTTP exchange without holding a worker thread: frames handed in from any
 * thread are queued and written by the connection's IO thread with non-blocking writes (chunked, as the response
 * has no length), resuming when the socket drains. The stream is cancelled when the client closes the connection,
 * when a write fails, when the client falls {@value #MAX_BACKLOG} frames behind, or when the server stops.
 * The queue and channel are confined to the IO thread; the backlog counter and entry points are thread-safe.
 */
final class StreamingResponse implements StreamingBody.FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingResponse.class);
    static final int MAX_BACKLOG = 256;

    private final HttpServerExchange exchange;
    private final StreamingBody body;
    private final Set<StreamingResponse> open;
    private final XnioIoThread io;
    private final AtomicInteger backlog = new AtomicInteger();
    // IO thread only:
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private StreamSinkChannel channel;
    /** No more frames are taken: end() or shutdown() was called, or the stream was aborted. */
    private boolean ending;
    /** The body is complete and its writes shut down; what is left is flushing it. */
    private boolean shutDown;
    /** The exchange is over (ended normally or aborted). */
    private boolean done;

    private StreamingResponse(HttpServerExchange exchange, StreamingBody body, Set<StreamingResponse> open) {
        this.exchange = exchange;
        this.body = body;
        this.open = open;
        this.io = exchange.getIoThread();
    }

    /**
     * Takes over {@code exchange} (status and headers already set) from the handler thread: the exchange stays
     * open after the handler returns and is driven by its IO thread from then on.
     */
    static void start(HttpServerExchange exchange, StreamingBody body, Set<StreamingResponse> open) {
        StreamingResponse r = new StreamingResponse(exchange, body, open);
        open.add(r);
        exchange.getConnection().addCloseListener(c -> r.io.execute(r::abort));
        exchange.dispatch(r.io, r::begin);
    }

    private void begin() {
        if (done) return;
        channel = exchange.getResponseChannel();
        channel.getWriteSetter().set(c -> flush());
        try {
            body.start(this);
        } catch (RuntimeException e) {
            LOG.warn("event stream failed to start", e);
            abort();
            return;
        }
        flush();
    }

    @Override
    public void frame(byte[] bytes) {
        if (backlog.incrementAndGet() > MAX_BACKLOG) {
            backlog.decrementAndGet();
            LOG.info("closing an event stream whose client is {} frames behind", MAX_BACKLOG);
            io.execute(this::abort);
            return;
        }
        io.execute(() -> {
            if (ending || done) {
                backlog.decrementAndGet();
                return;
            }
            queue.add(ByteBuffer.wrap(bytes));
            flush();
        });
    }

    @Override
    public void end() {
        io.execute(() -> {
            ending = true;
            flush();
        });
    }

    @Override
    public int backlog() {
        return backlog.get();
    }

    /** Server shutdown: stop the producer, write what is queued and end the response. Any thread. */
    void shutdown() {
        io.execute(() -> {
            body.cancel();
            ending = true;
            flush();
        });
    }

    private void flush() {
        if (channel == null || done) return;
        try {
            while (!queue.isEmpty()) {
                ByteBuffer b = queue.peek();
                channel.write(b);
                if (b.hasRemaining()) {
                    channel.resumeWrites();
                    return;
                }
                queue.poll();
                backlog.decrementAndGet();
            }
            if (ending && !shutDown) {
                shutDown = true;
                open.remove(this);
                body.cancel();
                channel.shutdownWrites();
            }
            if (!channel.flush()) {
                channel.resumeWrites(); // the write listener comes back here once the socket drains
                return;
            }
            channel.suspendWrites();
            if (shutDown) {
                done = true;
                exchange.endExchange();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("event stream write failed", e);
            abort();
        }
    }

    /** The connection is gone or unusable: stop the producer and drop the connection. IO thread. */
    private void abort() {
        if (done) return; // over already (a keep-alive connection closing later lands here too)
        done = true;
        ending = true;
        open.remove(this);
        body.cancel();
        backlog.addAndGet(-queue.size());
        queue.clear();
        IoUtils.safeClose(exchange.getConnection());
    }
}
