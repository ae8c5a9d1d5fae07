package dev.vigil.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measured window of one scenario. Immutable once built by the runner.
 *
 * @param errors error key ("403 SignatureDoesNotMatch", "io SocketTimeoutException") to count, most frequent first
 */
public record ScenarioResult(String scenario, int connections, Duration duration, long requests, int itemsPerRequest,
                             LatencyHistogram latency, Map<String, Long> errors) {

    public double seconds() { return duration.toNanos() / 1e9; }

    public double requestsPerSecond() { return requests / seconds(); }

    public double itemsPerSecond() { return requests * (double) itemsPerRequest / seconds(); }

    public long errorCount() { return errors.values().stream().mapToLong(Long::longValue).sum(); }

    /** Latency at {@code percentile}, in milliseconds. */
    public double latencyMillis(double percentile) { return latency.percentile(percentile) / 1e6; }

    static Map<String, Long> sortedByCount(Map<String, Long> errors) {
        Map<String, Long> out = new LinkedHashMap<>();
        errors.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
