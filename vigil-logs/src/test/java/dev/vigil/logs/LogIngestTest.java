package dev.vigil.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch size PutLogEvents counts (UTF-8 bytes of each message) and the sequence token's shape. */
class LogIngestTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "caf\u00e9 \u00fcber", "\u65e5\u672c\u8a9e", "emoji \ud83d\ude00 pair",
            "lone \ud83d high", "lone \ude00 low", "trailing \ud83d"})
    void countsUtf8BytesAsTheEncoderWritesThem(String message) {
        assertThat(LogIngest.utf8Length(message)).isEqualTo(message.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void sequenceTokensAre56Digits() {
        assertThat(LogIngest.sequenceToken(0)).isEqualTo(String.format("%056d", 0));
        assertThat(LogIngest.sequenceToken(1_732_000_000_123L)).isEqualTo(String.format("%056d", 1_732_000_000_123L));
        assertThat(LogIngest.sequenceToken(-5)).isEqualTo(String.format("%056d", 0));
    }
}
