package dev.vigil.core.service;

import dev.vigil.core.AwsException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Where an {@link EventStream} delivers: events, then at most one of {@link #fail} or {@link #end}. Calls may come
 * from any thread but one at a time (the stream serializes them). Implementations never block: a frame is queued
 * for the connection.
 */
public interface EventSink {

    /**
     * One event of the stream's union: {@code type} is the member name the model gives it (e.g.
     * {@code sessionUpdate}), {@code event} the member's shape.
     */
    void event(String type, SdkPojo event);

    /** Ends the stream with one of its modeled exceptions (the error code is the exception member's name). */
    void fail(AwsException error);

    /** Ends the stream normally. */
    void end();

    /** Frames queued for the connection and not yet written: how far the client is behind. */
    int backlog();
}
