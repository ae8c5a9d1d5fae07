package dev.vigil.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Formats results: a readable table, or JSON for scripts, each with the environment and the
 * command that reproduces the run. Stateless; thread-safe.
 */
final class Report {
    private static final int TOP_ERRORS = 5;
    private static final double[] PERCENTILES = {50, 90, 99};

    private Report() {}

    /**
     * @param loadBefore the 1-minute system load average before the run: on a shared machine it says
     *                   how much of the CPU the run actually had
     */
    static String environment(String target, double loadBefore) {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "java %s (%s), %d cpus, max heap %d MB, %s %s %s, load average %s before "
                        + "the run; target: %s",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.availableProcessors(),
                rt.maxMemory() / (1024 * 1024), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), loadBefore < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", loadBefore),
                target);
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String table(List<ScenarioResult> results, String environment, String command) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-26s %5s %9s %6s %10s %10s %8s %8s %8s %8s %8s%n", "scenario", "conns",
                "requests", "secs", "req/s", "items/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"));
        for (ScenarioResult r : results) {
            b.append(String.format(Locale.ROOT, "%-26s %5d %9d %6.1f %10.1f %10.1f %8.2f %8.2f %8.2f %8.2f %8d%n",
                    r.scenario(), r.connections(), r.requests(), r.seconds(), r.requestsPerSecond(),
                    r.itemsPerSecond(), r.latencyMillis(50), r.latencyMillis(90), r.latencyMillis(99),
                    r.latency().max() / 1e6, r.errorCount()));
        }
        for (ScenarioResult r : results) {
            if (r.errors().isEmpty()) continue;
            b.append("errors in ").append(r.scenario()).append(": ").append(r.errors().entrySet().stream()
                    .limit(TOP_ERRORS).map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
            if (r.errors().size() > TOP_ERRORS) b.append(", ...");
            b.append('\n');
        }
        b.append("environment: ").append(environment).append('\n');
        b.append("reproduce with: ").append(command).append('\n');
        return b.toString();
    }

    static String json(List<ScenarioResult> results, String environment, String command) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"command\": ").append(str(command)).append(",\n");
        b.append("  \"environment\": ").append(str(environment)).append(",\n");
        b.append("  \"results\": [");
        for (int i = 0; i < results.size(); i++) {
            ScenarioResult r = results.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {");
            b.append("\"scenario\": ").append(str(r.scenario()));
            b.append(", \"connections\": ").append(r.connections());
            b.append(", \"durationSeconds\": ").append(num(r.seconds()));
            b.append(", \"requests\": ").append(r.requests());
            b.append(", \"itemsPerRequest\": ").append(r.itemsPerRequest());
            b.append(", \"requestsPerSecond\": ").append(num(r.requestsPerSecond()));
            b.append(", \"itemsPerSecond\": ").append(num(r.itemsPerSecond()));
            b.append(", \"latencyMillis\": {");
            for (double p : PERCENTILES) b.append("\"p").append((int) p).append("\": ").append(num(r.latencyMillis(p))).append(", ");
            b.append("\"mean\": ").append(num(r.latency().mean() / 1e6));
            b.append(", \"max\": ").append(num(r.latency().max() / 1e6)).append('}');
            b.append(", \"errors\": ").append(r.errorCount());
            b.append(", \"errorsByCode\": {");
            b.append(r.errors().entrySet().stream().map(e -> str(e.getKey()) + ": " + e.getValue())
                    .collect(Collectors.joining(", ")));
            b.append("}}");
        }
        b.append("\n  ]\n}\n");
        return b.toString();
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
