package dev.vigil.server.gateway;

import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The served services, indexed the ways requests address them. Immutable after build; thread-safe. */
public final class ServiceRegistry {
    private final List<ServiceDescriptor> all = new ArrayList<>();
    private final Map<String, ServiceDescriptor> bySigningName = new HashMap<>();
    private final Map<String, ServiceDescriptor> byJsonTarget = new HashMap<>();
    private final Map<String, ServiceDescriptor> byCborName = new HashMap<>();

    public ServiceRegistry(Collection<ServiceDescriptor> services) {
        for (ServiceDescriptor s : services) {
            all.add(s);
            if (bySigningName.put(s.signingName(), s) != null) {
                throw new IllegalStateException("two services signed as " + s.signingName());
            }
            if (s.jsonTargetPrefix() != null) byJsonTarget.put(s.jsonTargetPrefix(), s);
            if (s.cborServiceName() != null) byCborName.put(s.cborServiceName(), s);
        }
    }

    public List<ServiceDescriptor> all() { return all; }

    ServiceDescriptor bySigningName(String name) { return name == null ? null : bySigningName.get(name); }

    ServiceDescriptor byJsonTarget(String prefix) { return byJsonTarget.get(prefix); }

    ServiceDescriptor byCborName(String name) { return byCborName.get(name); }

    /** Query services that have an operation of this name (used when a request carries no credential scope). */
    List<ServiceDescriptor> queryServicesWith(String action) {
        List<ServiceDescriptor> out = new ArrayList<>();
        for (ServiceDescriptor s : all) {
            if (s.protocols().contains(Protocol.AWS_QUERY) && s.operation(action) != null) out.add(s);
        }
        return out;
    }
}
