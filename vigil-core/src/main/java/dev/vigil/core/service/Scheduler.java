package dev.vigil.core.service;

import java.time.Duration;

/** Runs periodic background jobs (DESIGN §5). Jobs must be idempotent and restartable. */
public interface Scheduler {
    void every(String name, Duration period, Runnable job);
}
