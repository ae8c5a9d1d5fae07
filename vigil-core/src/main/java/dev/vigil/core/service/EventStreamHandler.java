package dev.vigil.core.service;

import dev.vigil.core.RequestContext;

/**
 * A provider method of an event-stream operation: checks the request (throwing its AwsException before anything
 * is sent, like any operation) and returns the stream to deliver.
 */
@FunctionalInterface
public interface EventStreamHandler<I> {
    EventStream open(RequestContext ctx, I request);
}
