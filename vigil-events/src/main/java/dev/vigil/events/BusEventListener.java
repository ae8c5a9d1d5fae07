package dev.vigil.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sees every event a bus accepts (PutEvents, events from Vigil's own services, events forwarded from another bus),
 * after validation and before rule matching. The Schema Registry's discoverers use it. Implementations run on the
 * caller's thread, so they must be cheap when they have nothing to do, and must not throw.
 */
public interface BusEventListener {

    /**
     * @param busAccount the account that owns the bus (the event's own {@code account} may differ)
     * @param event      the full envelope; must not be modified
     */
    void accepted(String busAccount, String busRegion, String busName, JsonNode event);
}
