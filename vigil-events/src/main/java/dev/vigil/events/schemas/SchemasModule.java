package dev.vigil.events.schemas;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.events.BusEventListeners;
import java.util.List;

/**
 * Plugs the EventBridge Schema Registry into the server: migrates its store (Flyway history {@code schemas}),
 * subscribes its discoverers to the events EventBridge's buses accept (phase 2, after EventBridge published its
 * {@link BusEventListeners} in phase 1), and serves the {@code schemas} operations. Used by one server thread at a
 * time.
 */
public final class SchemasModule implements ServiceModule {
    private SchemaDiscovery discovery;

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        env.database().migrate("schemas");
        JdbcSchemasRepository repo = new JdbcSchemasRepository(env.database());
        discovery = new SchemaDiscovery(repo, env.clock());
        discovery.refresh();
        BusEventListeners buses = env.interconnect().get(BusEventListeners.class);
        if (buses != null) buses.add(discovery);
        SchemasProvider schemas = new SchemasProvider(repo, new AwsEventSchemas(env.clock().instant()), env.clock());
        return List.of(SchemasDescriptor.descriptor(schemas,
                new DiscoverersProvider(repo, discovery, schemas, env.clock()),
                new CodeBindingsProvider(repo, schemas, env.clock())));
    }

    /** A reset wipes the store: the cached shapes and started discoverers go with it. */
    @Override
    public void flush() {
        if (discovery != null) discovery.forget();
    }
}
