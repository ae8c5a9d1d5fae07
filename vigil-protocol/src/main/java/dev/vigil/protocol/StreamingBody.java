package dev.vigil.protocol;

/**
 * A response body written over time (an event stream): the HTTP layer sends the status and headers, then
 * {@link #start}s it and writes each frame it is handed as it comes, without holding a thread. Implementations
 * are thread-safe.
 */
public interface StreamingBody {

    /** Starts producing frames into {@code sink}; called once. */
    void start(FrameSink sink);

    /** The connection closed or the server is stopping: stop producing. Idempotent, from any thread. */
    void cancel();

    /** Where frames go: the connection. Non-blocking; calls come one at a time from any thread. */
    interface FrameSink {
        /** Queues one frame. */
        void frame(byte[] bytes);

        /** Writes what is queued, then ends the response. */
        void end();

        /** Frames queued and not yet written. */
        int backlog();
    }
}
