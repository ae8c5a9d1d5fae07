package dev.vigil.core.service;

/**
 * What an event-stream operation's provider returns (StartLiveTail): a source of events that the HTTP layer
 * writes to the client as they come, without holding a thread while the stream is open. The provider never sees
 * the wire; the codec turns each event into a frame of the protocol. Implementations are thread-safe.
 */
public interface EventStream {

    /** Starts delivery to {@code sink}; called once, right after the initial response is sent. */
    void open(EventSink sink);

    /**
     * The client went away or the server is stopping: stop producing and release what the stream holds. The
     * stream must not call the sink after this returns. Idempotent, from any thread.
     */
    void close();
}
