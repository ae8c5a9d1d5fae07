package dev.vigil.events;

import dev.vigil.core.Arn;
import java.time.Instant;
import java.util.List;

/**
 * A stored replay. {@code cursorTime}/{@code cursorId} name the last archived event replayed ((start, 0) before the
 * first), so the job resumes after it on any node. Immutable.
 */
public record EventReplay(String accountId, String region, String name, String description, String archiveName,
                          String destination, List<String> filterArns, Instant eventStart, Instant eventEnd,
                          String state, String stateReason, Instant cursorTime, long cursorId, Instant replayStart,
                          Instant replayEnd) {
    public static final String STARTING = "STARTING";
    public static final String RUNNING = "RUNNING";
    public static final String CANCELLING = "CANCELLING";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";
    public static final String FAILED = "FAILED";

    public String arn() { return Arn.of("events", region, accountId, "replay/" + name).toString(); }

    public String archiveArn() { return Arn.of("events", region, accountId, "archive/" + archiveName).toString(); }

    /** The time of the last event replayed, null before the first. */
    public Instant lastReplayed() { return cursorId == 0 ? null : cursorTime; }

    public boolean finished() {
        return COMPLETED.equals(state) || CANCELLED.equals(state) || FAILED.equals(state);
    }
}
