package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.MutableClock;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A compile that read the store before a concurrent rule change must not be cached: with a frozen clock it would
 * never expire (CloudTrail's events are published from another thread while the caller goes on changing rules).
 * The race is staged deterministically: the change lands while the compile is reading the rules.
 */
class RuleMachinesRaceTest {
    private JdbcDatabase db;
    private JdbcEventsRepository repo;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final AtomicReference<Runnable> duringRulesRead = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2Memory("events");
        repo = new JdbcEventsRepository(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** The repository, running a hook once right after a compile read the rules. */
    private EventsRepository hooked() {
        return (EventsRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventsRepository.class}, (proxy, method, args) -> {
                    Object out;
                    try {
                        out = method.invoke(repo, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    Runnable hook = method.getName().equals("rules") ? duringRulesRead.getAndSet(null) : null;
                    if (hook != null) hook.run();
                    return out;
                });
    }

    private static JsonNode event(String source) throws Exception {
        return EventEnvelope.JSON.readTree("{\"source\": \"" + source + "\", \"detail-type\": \"t\", \"detail\": {}}");
    }

    private void save(String name, String source) {
        repo.saveRule(new EventRule("123456789012", "us-east-1", "default", name, "{\"source\": [\"" + source + "\"]}",
                null, EventRule.ENABLED, null, null, "123456789012", clock.instant(), null));
    }

    @Test
    void aCompileRacingARuleChangeIsNotCached() throws Exception {
        RuleMachines machines = new RuleMachines(hooked(), clock);
        save("old", "a");
        duringRulesRead.set(() -> {
            save("new", "b");
            machines.invalidate("123456789012", "us-east-1", "default");
        });
        // This compile read the rules before "new" existed...
        assertThat(machines.of("123456789012", "us-east-1", "default").match(event("b"))).isEmpty();
        // ...and the next lookup (same frozen instant) sees the change.
        assertThat(machines.of("123456789012", "us-east-1", "default").match(event("b")))
                .extracting(EventRule::name).isEqualTo(List.of("new"));
    }

    @Test
    void anExpiredEntryIsRecompiledByOneCallerWhileTheOthersKeepMatchingWithIt() throws Exception {
        RuleMachines machines = new RuleMachines(hooked(), clock);
        save("old", "a");
        assertThat(machines.of("123456789012", "us-east-1", "default").match(event("a"))).hasSize(1);
        save("remote", "b"); // as if saved on another node: no local invalidation
        clock.advance(RuleMachines.TTL);
        AtomicReference<List<EventRule>> meanwhile = new AtomicReference<>();
        duringRulesRead.set(() -> {
            try {
                // another PutEvents while the refresh reads the store: the expired entry, no second compile
                meanwhile.set(machines.of("123456789012", "us-east-1", "default").match(event("b")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(machines.of("123456789012", "us-east-1", "default").match(event("b")))
                .extracting(EventRule::name).isEqualTo(List.of("remote"));
        assertThat(meanwhile.get()).isEmpty();
        assertThat(duringRulesRead.get()).isNull();
    }
}
