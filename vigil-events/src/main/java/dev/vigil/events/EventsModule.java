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
 * the outbox drain, the rule schedules, replays and archive retention, and serves the operations (phase 2). Used by one server thread at a time.
 */
public final class EventsModule implements ServiceModule {
    static final Duration DELIVERY_PERIOD = Duration.ofSeconds(1);
    static final Duration SCHEDULE_PERIOD = Duration.ofSeconds(1);
    static final Duration REPLAY_PERIOD = Duration.ofSeconds(1);
    static final Duration RETENTION_PERIOD = Duration.ofMinutes(10);

    private JdbcEventsRepository repo;
    private RuleMachines machines;
    private Dispatcher dispatcher;
    private Deliveries deliveries;
    private BusPolicies policies;
    private Archives archives;
    private JdbcArchiveRepository archiveStore;
    private JdbcConnectionsRepository connections;
    private HttpTargetInvoker http;

    @Override
    public void register(ServiceEnvironment env) {
        repo = new JdbcEventsRepository(env.database());
        machines = new RuleMachines(repo, env.clock());
        BusEventListeners listeners = new BusEventListeners();
        env.interconnect().register(BusEventListeners.class, listeners); // the Schema Registry's discoverers
        dispatcher = new Dispatcher(machines, env.interconnect().failures(), listeners);
        connections = new JdbcConnectionsRepository(env.database());
        http = new HttpTargetInvoker(connections, env.clock());
        deliveries = new Deliveries(repo, env.interconnect(), dispatcher, env.clock(), true, http);
        policies = new BusPolicies(repo, env.clock());
        archiveStore = new JdbcArchiveRepository(env.database());
        archives = new Archives(archiveStore, repo, env.clock());
        deliveries.archiveInto(archives, archiveStore);
        env.interconnect().registerResourcePolicies("events", policies);
        env.interconnect().register(EventPublisher.class, new DefaultBusPublisher(repo, dispatcher, deliveries,
                env.interconnect().failures(), env.clock(), archives, archiveStore));
    }

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        if (repo == null) register(env);
        env.database().migrate("events");
        Schedules schedules = new Schedules(repo, dispatcher, deliveries, env.clock());
        env.scheduler().every("events-deliveries", DELIVERY_PERIOD, deliveries::drain);
        env.scheduler().every("events-schedules", SCHEDULE_PERIOD, schedules::run);
        Replays replays = new Replays(archiveStore, repo, dispatcher, deliveries, env.clock());
        PartnerSources partners = new PartnerSources(archiveStore, repo, dispatcher, archives, deliveries, env.clock());
        env.scheduler().every("events-replays", REPLAY_PERIOD, replays::run);
        env.scheduler().every("events-archive-retention", RETENTION_PERIOD, archives::sweep);
        EventsProvider provider = new EventsProvider(repo, machines, env.clock(), partners, archiveStore);
        return List.of(EventsDescriptor.descriptor(provider, new TargetsProvider(repo, machines),
                new EventIngest(repo, dispatcher, deliveries, env.clock(), archives, archiveStore),
                new ResourceTags(repo), policies, b -> {
                    ArchiveDescriptors.declare(b, archives, replays, partners);
                    ApiDestinationsDescriptor.declare(b, new Connections(connections, http.tokens(), env.clock()),
                            new ApiDestinations(connections, env.clock()));
                }));
    }

    /** A reset wipes the store: compiled rules must not outlive it. */
    @Override
    public void flush() {
        if (machines != null) machines.clear();
        if (archives != null) archives.clear();
    }

    @Override
    public void stop() {
        if (deliveries != null) deliveries.close();
    }
}
