package dev.vigil.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BusEventListener}s of the server, published on the Interconnect by the EventBridge module so that other
 * parts of vigil-events (the Schema Registry) can subscribe without EventBridge knowing them. A throwing listener
 * is logged and never fails the event. Thread-safe.
 */
public final class BusEventListeners {
    private static final Logger LOG = LoggerFactory.getLogger(BusEventListeners.class);
    private final List<BusEventListener> listeners = new CopyOnWriteArrayList<>();

    public void add(BusEventListener l) { listeners.add(l); }

    public void remove(BusEventListener l) { listeners.remove(l); }

    void accepted(String busAccount, String busRegion, String busName, JsonNode event) {
        for (BusEventListener l : listeners) {
            try {
                l.accepted(busAccount, busRegion, busName, event);
            } catch (RuntimeException e) {
                LOG.warn("bus event listener {} failed: {}", l, e.toString());
            }
        }
    }
}
