package dev.vigil.events;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.EventPublisher;
import java.time.Duration;
import java.util.List;

/**
 * Plugs EventBridge into the server: publishes the {@link EventPublisher} and the buses' resource policies (phase 1),
 * migrates its store, schedules
 * the outbox drain and the rule schedules, and serves the operations (phase 2). Used by one server thread at a time.
 */
public final class EventsModule implements ServiceModule {
    static final Duration DELIVERY_PERIOD = Duration.ofSeconds(1);
    static final Duration SCHEDULE_PERIOD = Duration.ofSeconds(1);

    private JdbcEventsRepository repo;
    private RuleMachines machines;
    private Dispatcher dispatcher;
    private Deliveries deliveries;
    private BusPolicies policies;
    private JdbcConnectionsRepository connections;
    private HttpTargetInvoker http;

    @Override
    public void register(ServiceEnvironment env) {
        repo = new JdbcEventsRepository(env.database());
        machines = new RuleMachines(repo, env.clock());
        dispatcher = new Dispatcher(machines, env.interconnect().failures());
        connections = new JdbcConnectionsRepository(env.database());
        http = new HttpTargetInvoker(connections, env.clock());
        deliveries = new Deliveries(repo, env.interconnect(), dispatcher, env.clock(), true, http);
        policies = new BusPolicies(repo, env.clock());
        env.interconnect().registerResourcePolicies("events", policies);
        env.interconnect().register(EventPublisher.class, new DefaultBusPublisher(repo, dispatcher, deliveries,
                env.interconnect().failures(), env.clock()));
    }

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        if (repo == null) register(env);
        env.database().migrate("events");
        Schedules schedules = new Schedules(repo, dispatcher, deliveries, env.clock());
        env.scheduler().every("events-deliveries", DELIVERY_PERIOD, deliveries::drain);
        env.scheduler().every("events-schedules", SCHEDULE_PERIOD, schedules::run);
        EventsProvider provider = new EventsProvider(repo, machines, env.clock());
        return List.of(EventsDescriptor.descriptor(provider, new TargetsProvider(repo, machines),
                new EventIngest(repo, dispatcher, deliveries, env.clock()), new ResourceTags(repo), policies,
                new Connections(connections, http.tokens(), env.clock()), new ApiDestinations(connections, env.clock())));
    }

    /** A reset wipes the store: compiled rules must not outlive it. */
    @Override
    public void flush() {
        if (machines != null) machines.clear();
    }

    @Override
    public void stop() {
        if (deliveries != null) deliveries.close();
    }
}
