package dev.vigil.core.service;

import java.util.List;

/**
 * A service plugged into the server through java.util.ServiceLoader (DESIGN §2): adding a service
 * touches no shared list. The server first calls {@link #register} on every module, so each can publish
 * its cross-service implementations, then {@link #start}.
 */
public interface ServiceModule {

    /** Phase 1: publish implementations of the cross-service interfaces this module owns. */
    default void register(ServiceEnvironment env) {}

    /** Phase 2: migrate the store, start background jobs, return the descriptors of the services served. */
    List<ServiceDescriptor> start(ServiceEnvironment env);

    /** Lands buffered writes now (before a reset wipes the store, or when a read must see them). */
    default void flush() {}

    /**
     * Answer the requests that are waiting for something (long polls) now: called on graceful shutdown once no
     * new request is accepted, before the server waits for in-flight requests to finish.
     */
    default void quiesce() {}

    /** Flush anything buffered; called on graceful shutdown after the last request finished. */
    default void stop() {}
}
