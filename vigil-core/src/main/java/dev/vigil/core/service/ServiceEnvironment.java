package dev.vigil.core.service;

import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.store.Database;
import java.time.Clock;

/** What a service module is given at start: the clock, the store, its peers, the scheduler, settings. */
public interface ServiceEnvironment {
    Clock clock();
    Database database();
    Interconnect interconnect();
    Scheduler scheduler();
    /** The account of the default credentials (VIGIL_DEFAULT_ACCOUNT, default 000000000000). */
    String defaultAccount();
    /** The region requests default to when none can be read from the request. */
    String defaultRegion();
}
