package dev.vigil.bench.scenarios;

import dev.vigil.bench.Scenario;
import java.util.ArrayList;
import java.util.List;

/** Every scenario, in default run order; add new ones here. Stateless; thread-safe. */
public final class Scenarios {
    private Scenarios() {}

    public static List<Scenario> all() {
        return List.of(new StsGetCallerIdentity(), new CloudTrailLookupEvents(), new CloudWatchPutMetricData(), new CloudWatchGetMetricData(),
                new LogsPutLogEvents(), new LogsFilterLogEvents(), new EventsPutEvents());
    }

    /**
     * The scenarios named in a comma-separated list, in the order given; "all" or empty means all.
     *
     * @throws IllegalArgumentException naming an unknown scenario and the known ones
     */
    public static List<Scenario> select(String names) {
        if (names == null || names.isBlank() || names.equals("all")) return all();
        List<Scenario> out = new ArrayList<>();
        for (String n : names.split(",")) {
            String name = n.trim();
            if (name.isEmpty()) continue;
            out.add(all().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + name + "; known: "
                            + String.join(", ", all().stream().map(Scenario::name).toList()))));
        }
        return out;
    }
}
