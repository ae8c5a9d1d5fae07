package dev.vigil.iam.sts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic job that deletes expired sessions (DESIGN §5): idempotent, and run on one node at a time by the
 * scheduler's lease. Thread-safe (its one field is thread-safe).
 */
public final class SessionSweeper implements Runnable {
    public static final String JOB = "sts-session-sweep";
    public static final java.time.Duration PERIOD = java.time.Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);

    private final SessionCredentials sessions;

    public SessionSweeper(SessionCredentials sessions) { this.sessions = sessions; }

    @Override
    public void run() {
        int deleted = sessions.sweep();
        if (deleted > 0) LOG.debug("deleted {} expired STS sessions", deleted);
    }
}
