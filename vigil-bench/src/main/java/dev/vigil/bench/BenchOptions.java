package dev.vigil.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link VigilBench}, and its canonical form for "reproduce with". Immutable.
 *
 * @param scenarios comma-separated scenario names, or "all"
 */
public record BenchOptions(String endpoint, boolean embedded, String scenarios, int connections, Duration duration,
                           Duration warmup, String accessKey, String secretKey, String region, boolean json,
                           boolean reset, boolean help) {

    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:4566";
    /** The wrapper script the README documents; "reproduce with" lines start with it. */
    static final String LAUNCHER = "vigil-bench/bin/vigil-bench";

    static BenchOptions defaults() {
        return new BenchOptions(DEFAULT_ENDPOINT, false, "all", 8, Duration.ofSeconds(20), Duration.ofSeconds(5),
                "test", "test", "us-east-1", false, true, false);
    }

    /** @throws IllegalArgumentException with a message for the user */
    public static BenchOptions parse(String[] args) {
        BenchOptions d = defaults();
        String endpoint = d.endpoint;
        boolean embedded = false;
        String scenarios = d.scenarios;
        int connections = d.connections;
        Duration duration = d.duration;
        Duration warmup = d.warmup;
        String accessKey = d.accessKey;
        String secretKey = d.secretKey;
        String region = d.region;
        boolean json = false;
        boolean reset = true;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--embedded" -> embedded = true;
                case "--json" -> json = true;
                case "--no-reset" -> reset = false;
                case "--help", "-h" -> help = true;
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                        value = args[++i];
                    }
                    switch (a) {
                        case "--endpoint" -> endpoint = value;
                        case "--scenario", "--scenarios" -> scenarios = value;
                        case "--connections" -> connections = positiveInt(a, value);
                        case "--duration" -> duration = duration(a, value);
                        case "--warmup" -> warmup = duration(a, value);
                        case "--access-key" -> accessKey = value;
                        case "--secret-key" -> secretKey = value;
                        case "--region" -> region = value;
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                }
            }
        }
        if (duration.isZero() || duration.isNegative()) throw new IllegalArgumentException("--duration must be positive");
        if (warmup.isNegative()) throw new IllegalArgumentException("--warmup must not be negative");
        return new BenchOptions(endpoint, embedded, scenarios, connections, duration, warmup, accessKey, secretKey,
                region, json, reset, help);
    }

    /**
     * The command that reproduces a run of {@code scenarioNames}: every setting spelled out, so
     * changed defaults do not change its meaning. A non-default secret is never printed.
     */
    public String commandLine(List<String> scenarioNames) {
        List<String> a = new ArrayList<>(List.of(LAUNCHER));
        if (embedded) {
            a.add("--embedded");
        } else {
            a.add("--endpoint");
            a.add(endpoint);
        }
        a.addAll(List.of("--scenario", String.join(",", scenarioNames), "--connections", String.valueOf(connections),
                "--duration", format(duration), "--warmup", format(warmup), "--region", region));
        if (!accessKey.equals("test") || !secretKey.equals("test")) {
            a.addAll(List.of("--access-key", accessKey, "--secret-key", "'<secret>'"));
        }
        if (!reset) a.add("--no-reset");
        if (json) a.add("--json");
        return String.join(" ", a);
    }

    static String usage() {
        return """
                usage: vigil-bench [options]
                  --endpoint URL        Vigil to load (default %s)
                  --embedded            start a Vigil in this JVM on a random port, in-memory store,
                                        request log off (it shares the CPUs with the generator)
                  --scenario a[,b]      scenarios to run, in order (default all)
                  --connections N       keep-alive connections, one thread each (default 8)
                  --duration T          measured time per scenario: 20s, 500ms, 2m (default 20s)
                  --warmup T            unmeasured time before it (default 5s)
                  --access-key K --secret-key S --region R   signing credentials (default test/test us-east-1)
                  --no-reset            keep server state between scenarios (default: POST /_vigil/reset
                                        before each scenario's setup)
                  --json                print results as JSON instead of a table
                scenarios:
                """.formatted(DEFAULT_ENDPOINT);
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    private static Duration duration(String flag, String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            if (s.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
            if (s.endsWith("m")) return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)) * 60);
            return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a duration such as 20s, 500ms or 2m, not " + v);
        }
    }

    private static int positiveInt(String flag, String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException(flag + " must be a positive integer, not " + v);
    }
}
