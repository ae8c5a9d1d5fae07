package dev.vigil.server.http;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import java.io.IOException;
import org.xnio.ChannelListeners;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Notices that the client of a waiting exchange closed its connection. An HTTP/1.1 connection is not read while
 * its request is being served, so a client that goes away would only be seen when its answer is written, and a
 * long poll would keep waiting (and could take a message nobody reads). While an exchange waits, this takes the
 * connection's read notifications: end of stream or an error means the client is gone; bytes of a pipelined next
 * request are handed back to Undertow untouched. Once the answer is ready, {@link #done()} gives the notifications
 * back to the connection's channel (and passes on any that arrive meanwhile). Thread-safe (guarded by itself).
 */
final class ClientGone implements ReadReadyHandler {
    private final HttpServerExchange exchange;
    private final HttpServerConnection connection;
    private final Runnable onGone;
    private boolean done;
    private StreamSourceConduit conduit;

    private ClientGone(HttpServerExchange exchange, HttpServerConnection connection, Runnable onGone) {
        this.exchange = exchange;
        this.connection = connection;
        this.onGone = onGone;
    }

    /** Starts watching {@code ex}'s connection (HTTP/1.1 only); call {@link #done()} before answering. */
    static ClientGone watch(HttpServerExchange ex, Runnable onGone) {
        HttpServerConnection conn = ex.getConnection() instanceof HttpServerConnection c ? c : null;
        ClientGone w = new ClientGone(ex, conn, onGone);
        if (conn != null) ex.getIoThread().execute(w::install);
        return w;
    }

    private synchronized void install() {
        if (done || exchange.isResponseStarted()) return;
        conduit = belowBody(source().getConduit());
        if (conduit == null) return;
        conduit.setReadReadyHandler(this);
        conduit.resumeReads();
    }

    /**
     * The connection's conduit under the finished request body's (fixed-length or chunked) conduit: the body's
     * conduit reads nothing more once the body is read, so the socket is watched below it. XNIO keeps a conduit's
     * next one in a protected field; reading it is the only way to reach it.
     */
    private static StreamSourceConduit belowBody(StreamSourceConduit c) {
        while (c instanceof io.undertow.conduits.FixedLengthStreamSourceConduit
                || c instanceof io.undertow.conduits.ChunkedStreamSourceConduit) {
            try {
                java.lang.reflect.Field next = org.xnio.conduits.AbstractConduit.class.getDeclaredField("next");
                next.setAccessible(true);
                c = (StreamSourceConduit) next.get(c);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return c;
    }

    private ConduitStreamSourceChannel source() { return connection.getChannel().getSourceChannel(); }

    /** Runs on the IO thread when the connection is readable. */
    @Override
    public synchronized void readReady() {
        if (done) { // the answer is out: the connection's channel takes over again
            giveBack();
            ChannelListeners.invokeChannelListener(source(), source().getReadListener());
            return;
        }
        PooledByteBuffer buffer = connection.getByteBufferPool().allocate();
        boolean kept = false;
        boolean gone = false;
        try {
            int n = conduit.read(buffer.getBuffer());
            if (n > 0) {
                // The start of a pipelined request: Undertow reads it once this exchange is over.
                conduit.suspendReads();
                buffer.getBuffer().flip();
                connection.ungetRequestBytes(buffer);
                kept = true;
            } else if (n < 0) {
                gone = true;
            }
        } catch (IOException e) {
            gone = true;
        } finally {
            if (!kept) buffer.close();
        }
        if (gone) {
            conduit.suspendReads();
            done = true;
            onGone.run();
        }
    }

    private void giveBack() {
        if (conduit == null) return;
        ConduitStreamSourceChannel source = source();
        source.setConduit(source.getConduit()); // re-registers the channel as the conduit's read handler
        conduit = null;
    }

    @Override
    public void forceTermination() {}

    @Override
    public void terminated() {}

    /** The answer is about to be written: stop watching. */
    void done() {
        synchronized (this) {
            done = true;
            if (conduit == null || connection == null) return;
        }
        exchange.getIoThread().execute(() -> {
            synchronized (ClientGone.this) {
                giveBack();
            }
        });
    }
}
