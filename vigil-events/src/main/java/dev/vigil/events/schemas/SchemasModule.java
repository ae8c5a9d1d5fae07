package dev.vigil.events.schemas;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.events.BusEventListeners;
import java.util.List;

/**
 * Plugs the EventBridge Schema Registry into the server: publishes the registries' resource policies (phase 1),
 * migrates its store (Flyway history {@code schemas}),
 * subscribes its discoverers to the events EventBridge's buses accept (phase 2, after EventBridge published its
 * {@link BusEventListeners} in phase 1), and serves the {@code schemas} operations. Used by one server thread at a
 * time.
 */
public final class SchemasModule implements ServiceModule {
    private SchemaDiscovery discovery;
    private JdbcSchemasRepository repo;

    /** Phase 1: the registries' resource policies, for the policy engine. */
    @Override
    public void register(ServiceEnvironment env) {
        repo = new JdbcSchemasRepository(env.database());
        env.interconnect().registerResourcePolicies(SchemasArns.SERVICE, new RegistryPolicies(repo));
    }

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        if (repo == null) register(env);
        env.database().migrate("schemas");
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
