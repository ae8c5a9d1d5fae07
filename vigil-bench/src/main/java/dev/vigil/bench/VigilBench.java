package dev.vigil.bench;

import dev.vigil.bench.scenarios.Scenarios;
import dev.vigil.testkit.VigilTestServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load generator: sends pre-signed requests over N keep-alive connections and reports
 * requests/s, items/s, latency percentiles and errors per scenario, with the command that
 * reproduces the run (README.md). Progress goes to stderr, results to stdout. Not thread-safe;
 * it is a main program.
 */
public final class VigilBench {
    /** Pre-signed requests per scenario; enough for scenarios to vary their input by slot. */
    public static final int POOL_SIZE = 16;
    static final int TIMEOUT_MILLIS = 10_000;

    private VigilBench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        List<Scenario> scenarios;
        try {
            options = BenchOptions.parse(args);
            scenarios = Scenarios.select(options.scenarios());
        } catch (IllegalArgumentException e) {
            System.err.println("vigil-bench: " + e.getMessage());
            System.err.print(usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(usage());
            return;
        }
        System.exit(run(options, scenarios, System.out, System.err));
    }

    static int run(BenchOptions options, List<Scenario> scenarios, PrintStream out, PrintStream log)
            throws InterruptedException {
        double loadBefore = Report.loadAverage();
        VigilTestServer server = options.embedded() ? startEmbedded(log) : null;
        try {
            URI endpoint = server != null ? server.endpoint() : URI.create(options.endpoint());
            if (!"http".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
                log.println("vigil-bench: --endpoint must be http://host:port, not " + endpoint);
                return 2;
            }
            int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
            String hostHeader = endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + port);
            InetSocketAddress address = new InetSocketAddress(endpoint.getHost(), port);
            RequestSigner signer = new RequestSigner(hostHeader, options.accessKey(), options.secretKey(),
                    options.region());
            LoadRunner runner = new LoadRunner(address, TIMEOUT_MILLIS);

            List<ScenarioResult> results = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Scenario.Target target = new Scenario.Target(endpoint, options.accessKey(), options.secretKey(),
                    options.region());
            for (Scenario s : scenarios) {
                results.add(runOne(s, options, address, hostHeader, signer, runner, log, target, notes));
            }
            String environment = Report.environment(server != null
                    ? "embedded Vigil (same JVM, shares the CPUs with the generator)" : endpoint.toString(), loadBefore);
            String command = options.commandLine(scenarios.stream().map(Scenario::name).toList());
            out.print(options.json() ? Report.json(results, environment, command)
                    : Report.table(results, environment, command));
            if (!options.json()) notes.forEach(out::println);
            out.flush();
            return 0;
        } finally {
            if (server != null) server.close();
        }
    }

    private static ScenarioResult runOne(Scenario s, BenchOptions o, InetSocketAddress address, String hostHeader,
                                         RequestSigner signer, LoadRunner runner, PrintStream log,
                                         Scenario.Target target, List<String> notes)
            throws InterruptedException {
        Scenario.Monitor monitor;
        try (BenchClient client = new BenchClient(address, signer, Clock.systemUTC(), TIMEOUT_MILLIS)) {
            if (o.reset()) {
                long t0 = System.nanoTime();
                int status = BenchClient.reset(address, hostHeader);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (status / 100 == 2) log.printf("%s: reset the server's state (%d ms)%n", s.name(), ms);
                else log.printf("%s: reset answered %d; continuing with the server's state%n", s.name(), status);
            }
            log.printf("%s: setup%n", s.name());
            s.setup(client);
            monitor = s.monitor(target);
        } catch (IOException | RuntimeException e) {
            log.printf("%s: setup failed: %s%n", s.name(), e.getMessage());
            return new ScenarioResult(s.name(), o.connections(), o.duration(), 0, s.itemsPerRequest(),
                    new LatencyHistogram(), Map.of("setup failed: " + e.getMessage(), 1L));
        }
        log.printf("%s: warm-up %s, then measuring %s over %d connections%n", s.name(),
                BenchOptions.format(o.warmup()), BenchOptions.format(o.duration()), o.connections());
        try (SignedPool pool = new SignedPool(s, signer, Clock.systemUTC(), POOL_SIZE)) {
            long start = System.nanoTime();
            ScenarioResult r = runner.run(s, pool, o.connections(), o.warmup(), o.duration());
            if (monitor != null) {
                long windowStart = start + o.warmup().toNanos();
                for (String line : monitor.finish(windowStart, windowStart + o.duration().toNanos())) {
                    log.printf("%s: %s%n", s.name(), line);
                    notes.add(s.name() + ": " + line);
                }
            }
            return r;
        }
    }

    private static VigilTestServer startEmbedded(PrintStream log) {
        // The per-request log line would flood the output and cost the server real time; logback reads
        // this when the server's first logger is created. An explicit VIGIL_REQUEST_LOG still wins.
        if (System.getenv("VIGIL_REQUEST_LOG") == null && System.getProperty("VIGIL_REQUEST_LOG") == null) {
            System.setProperty("VIGIL_REQUEST_LOG", "OFF");
        }
        long t0 = System.nanoTime();
        VigilTestServer server = VigilTestServer.start();
        log.printf("embedded Vigil on %s (started in %d ms)%n", server.endpoint(),
                Duration.ofNanos(System.nanoTime() - t0).toMillis());
        return server;
    }

    private static String usage() {
        StringBuilder b = new StringBuilder(BenchOptions.usage());
        for (Scenario s : Scenarios.all()) b.append(String.format("  %-26s %s%n", s.name(), s.description()));
        return b.toString();
    }
}
