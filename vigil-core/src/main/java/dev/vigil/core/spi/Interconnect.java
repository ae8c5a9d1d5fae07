package dev.vigil.core.spi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small cross-service interfaces of DESIGN §5, by type: the owning service registers its
 * implementation; a consumer asks for it and, while the owner does not exist yet, gets a stand-in
 * that records a delivery failure. Thread-safe.
 */
public final class Interconnect {
    private final Map<Class<?>, Object> impls = new ConcurrentHashMap<>();
    private final DeliveryFailures failures;

    public Interconnect(DeliveryFailures failures) { this.failures = failures; }

    public <T> void register(Class<T> type, T impl) { impls.put(type, impl); }

    public DeliveryFailures failures() { return failures; }

    /** The registered implementation, or the stand-in for the types that have one, else null. */
    public <T> T get(Class<T> type) {
        Object impl = impls.get(type);
        if (impl != null) return type.cast(impl);
        return StandIns.of(type, failures);
    }

    public boolean isProvided(Class<?> type) { return impls.containsKey(type); }
}
