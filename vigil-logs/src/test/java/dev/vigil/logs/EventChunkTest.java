package dev.vigil.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding a chunk with required texts keeps exactly the events whose messages contain them all. */
class EventChunkTest {
    private final EventChunk chunk = EventChunk.encode(10_000, 1, 2, List.of(
            new NewEvent(1_000, "GET /index 200"),
            new NewEvent(1_000, "ERROR caf\u00e9 timeout"),
            new NewEvent(2_000, "ERROR disk full"),
            new NewEvent(3_000, "\u65e5\u672c ERROR \ud83d\ude00")), 5_000);

    @Test
    void keepsTheEventsHoldingEveryText() {
        assertThat(chunk.decode(EventChunk.utf8(List.of("ERROR"))))
                .extracting(StoredEvent::id).containsExactly(10_001L, 10_002L, 10_003L);
        assertThat(chunk.decode(EventChunk.utf8(List.of("ERROR", "caf\u00e9"))))
                .singleElement().satisfies(e -> {
                    assertThat(e.message()).isEqualTo("ERROR caf\u00e9 timeout");
                    assertThat(e.timestamp()).isEqualTo(1_000);
                });
        assertThat(chunk.decode(EventChunk.utf8(List.of("\ud83d\ude00"))))
                .extracting(StoredEvent::id, StoredEvent::timestamp).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10_003L, 3_000L));
    }

    @Test
    void aTextNoEventHoldsDecodesNothingAndNoTextsDecodesAll() {
        assertThat(chunk.decode(EventChunk.utf8(List.of("WARN")))).isEmpty();
        assertThat(chunk.decode(EventChunk.NO_TEXTS)).isEqualTo(chunk.decode());
    }
}
