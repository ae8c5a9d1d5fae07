package dev.vigil.server;

import dev.vigil.core.service.Scheduler;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.store.Database;
import dev.vigil.server.admin.AdminEndpoints;
import dev.vigil.server.gateway.Authentication;
import dev.vigil.server.gateway.Gateway;
import dev.vigil.server.gateway.ServiceRegistry;
import dev.vigil.server.http.UndertowAdapter;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.Leases;
import dev.vigil.store.StoreSpec;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Vigil process: the store, every service module found by ServiceLoader, the gateway and the
 * HTTP listener. {@link #close()} is the graceful shutdown: stop accepting, finish in-flight requests,
 * flush the modules, close the store. Thread-safe for start/close from different threads.
 */
public final class VigilServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VigilServer.class);
    public static final String VERSION = "0.1.0";

    private final VigilConfig config;
    private final Clock clock;
    private final JdbcDatabase database;
    private final JobScheduler scheduler;
    private final Interconnect interconnect;
    private final List<ServiceModule> modules = new ArrayList<>();
    private final List<ServiceDescriptor> services = new ArrayList<>();
    private final RootCredentials rootCredentials;
    private Undertow undertow;
    private GracefulShutdownHandler shutdownHandler;
    private UndertowAdapter adapter;
    private int port;
    private boolean closed;

    private VigilServer(VigilConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.database = JdbcDatabase.open(storeSpec(config));
        try {
            database.migrate("store");
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        this.scheduler = new JobScheduler(new Leases(database), clock);
        this.interconnect = new Interconnect(new DeliveryFailures(clock));
        this.rootCredentials = RootCredentials.resolve(config);
    }

    /** Starts a server; on failure everything opened so far is closed again. */
    public static VigilServer start(VigilConfig config, Clock clock) {
        long t0 = System.nanoTime();
        // The HTTP stack takes half a second to load; let it load while the store opens.
        Thread warmup = new Thread(() -> Undertow.builder(), "vigil-warmup");
        warmup.setDaemon(true);
        warmup.start();
        VigilServer s = new VigilServer(config, clock);
        try {
            long t1 = System.nanoTime();
            s.startModules();
            long t2 = System.nanoTime();
            s.listen();
            long t3 = System.nanoTime();
            LOG.info("started: store {} ms, services {} ms, http {} ms",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static StoreSpec storeSpec(VigilConfig c) {
        if (c.store() != null && !c.store().isEmpty()) return StoreSpec.url(c.store());
        return c.ephemeral() ? StoreSpec.h2Memory() : StoreSpec.h2File(c.dataDir());
    }

    private void startModules() {
        ServiceEnvironment env = new Environment();
        for (ServiceModule m : ServiceLoader.load(ServiceModule.class)) modules.add(m);
        for (ServiceModule m : modules) m.register(env);
        for (ServiceModule m : modules) services.addAll(m.start(env));
    }

    private void listen() {
        ServiceRegistry registry = new ServiceRegistry(services);
        Authentication auth = new Authentication(config.auth(), config.defaultAccount(),
                rootCredentials.accessKeyId(), rootCredentials.secretAccessKey(), interconnect);
        Gateway gateway = new Gateway(registry, interconnect, auth, clock, config.defaultRegion(), config.maxBodyBytes());
        AdminEndpoints admin = new AdminEndpoints(VERSION, database, List.copyOf(services), this::flushModules,
                config.auth() == dev.vigil.server.gateway.AuthMode.DEV, interconnect.documents());
        adapter = new UndertowAdapter(gateway, admin);
        shutdownHandler = new GracefulShutdownHandler(adapter);
        undertow = Undertow.builder()
                .addHttpListener(config.port(), config.host())
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(64)
                .setHandler(shutdownHandler)
                .build();
        undertow.start();
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Lets buffered writers (the audit recorder) land before a reset wipes the tables. */
    private void flushModules() {
        for (ServiceModule m : modules) m.flush();
    }

    public int port() { return port; }

    public String endpoint() { return "http://" + config.host() + ":" + port; }

    public VigilConfig config() { return config; }

    public RootCredentials rootCredentials() { return rootCredentials; }

    public Database database() { return database; }

    public Interconnect interconnect() { return interconnect; }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (shutdownHandler != null) {
            shutdownHandler.shutdown();
            for (ServiceModule m : modules) {
                try {
                    m.quiesce();
                } catch (RuntimeException e) {
                    LOG.error("quiescing {} failed", m.getClass().getSimpleName(), e);
                }
            }
            adapter.closeStreams(); // open event streams (live tails) would hold the graceful shutdown for hours
            try {
                if (!shutdownHandler.awaitShutdown(30_000)) LOG.warn("in-flight requests did not finish within 30 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (undertow != null) undertow.stop();
        scheduler.close();
        for (ServiceModule m : modules) {
            try {
                m.stop();
            } catch (RuntimeException e) {
                LOG.error("stopping {} failed", m.getClass().getSimpleName(), e);
            }
        }
        database.close();
    }

    private final class Environment implements ServiceEnvironment {
        @Override public Clock clock() { return clock; }
        @Override public Database database() { return database; }
        @Override public Interconnect interconnect() { return interconnect; }
        @Override public Scheduler scheduler() { return scheduler; }
        @Override public String defaultAccount() { return config.defaultAccount(); }
        @Override public String defaultRegion() { return config.defaultRegion(); }
    }
}
