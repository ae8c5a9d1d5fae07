package dev.vigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void uuidsAreRandomVersion4InTheCanonicalForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = i % 2 == 0 ? Ids.uuid() : Ids.requestId();
            UUID parsed = UUID.fromString(id);
            assertEquals(4, parsed.version(), id);
            assertEquals(2, parsed.variant(), id);
            assertEquals(parsed.toString(), id);
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void threadsDrawDifferentIds() throws InterruptedException {
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> { for (int i = 0; i < 1000; i++) seen.add(Ids.uuid()); });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        assertEquals(4000, seen.size());
    }
}
