package dev.vigil.cloudwatch;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

/** Request checks shared by the read operations. Stateless. */
final class Requests {
    private Requests() {}

    /** The dimensions of a metric being read, names and values required (MissingParameter otherwise). */
    static List<Dimension> dimensions(List<Dimension> dims, String path) {
        if (dims == null) return List.of();
        for (int i = 0; i < dims.size(); i++) {
            Dimension d = dims.get(i);
            String p = path + ".member." + (i + 1);
            if (d == null || d.name() == null || d.name().isEmpty()) throw CloudWatchErrors.required(p + ".Name");
            if (d.value() == null || d.value().isEmpty()) throw CloudWatchErrors.required(p + ".Value");
        }
        return dims;
    }

    /** StartTime must come before EndTime (wording of AWS's query-era validation). */
    static void timeRange(Instant start, Instant end, List<String> problems) {
        if (start.equals(end)) problems.add("The parameter StartTime must not equal parameter EndTime.");
        else if (start.isAfter(end)) problems.add("The parameter EndTime must be greater than StartTime.");
    }
}
