package dev.vigil.protocol.eventstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

/** Frames read back by the SDK's own event stream decoder, which checks both CRCs and every length. */
class EventStreamFramesTest {

    private static List<Message> decode(byte[]... frames) {
        MessageDecoder decoder = new MessageDecoder();
        for (byte[] f : frames) decoder.feed(f);
        return decoder.getDecodedMessages();
    }

    private static Map<String, String> headers(String... kv) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) h.put(kv[i], kv[i + 1]);
        return h;
    }

    @Test
    void eventMessageDecodesWithItsHeadersAndPayload() {
        byte[] payload = "{\"sessionId\":\"s-1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] frame = EventStreamFrames.encode(headers(":message-type", "event", ":event-type", "sessionStart",
                ":content-type", "application/json"), payload);
        List<Message> messages = decode(frame);
        assertThat(messages).hasSize(1);
        Message m = messages.get(0);
        assertThat(m.getHeaders()).containsEntry(":message-type", HeaderValue.fromString("event"))
                .containsEntry(":event-type", HeaderValue.fromString("sessionStart"))
                .containsEntry(":content-type", HeaderValue.fromString("application/json")).hasSize(3);
        assertThat(m.getPayload()).isEqualTo(payload);
        // The SDK's encoder writes the same message to the same bytes.
        assertThat(m.toByteBuffer()).isEqualTo(ByteBuffer.wrap(frame));
    }

    @Test
    void preludeCarriesLengthsAndTheirCrc() {
        byte[] frame = EventStreamFrames.encode(headers("a", "b"), new byte[] {1, 2, 3});
        ByteBuffer b = ByteBuffer.wrap(frame);
        int total = b.getInt();
        int headerBytes = b.getInt();
        assertThat(total).isEqualTo(frame.length).isEqualTo(12 + (1 + 1 + 1 + 2 + 1) + 3 + 4);
        assertThat(headerBytes).isEqualTo(6);
        CRC32 prelude = new CRC32();
        prelude.update(frame, 0, 8);
        assertThat(b.getInt()).isEqualTo((int) prelude.getValue());
        CRC32 message = new CRC32();
        message.update(frame, 0, frame.length - 4);
        assertThat(ByteBuffer.wrap(frame, frame.length - 4, 4).getInt()).isEqualTo((int) message.getValue());
    }

    @Test
    void emptyPayloadAndNoHeaders() {
        assertThat(decode(EventStreamFrames.encode(Map.of(), new byte[0])).get(0).getPayload()).isEmpty();
        assertThat(EventStreamFrames.encode(Map.of(), new byte[0])).hasSize(16);
    }

    @Test
    void framesSplitAnywhereStillDecode() {
        byte[] one = EventStreamFrames.encode(headers(":message-type", "event", ":event-type", "x"), "é ü 日本".getBytes(StandardCharsets.UTF_8));
        byte[] two = EventStreamFrames.encode(headers(":message-type", "exception", ":exception-type", "Boom"), new byte[300]);
        byte[] all = ByteBuffer.allocate(one.length + two.length).put(one).put(two).array();
        for (int cut = 1; cut < all.length; cut += 7) {
            MessageDecoder d = new MessageDecoder();
            d.feed(all, 0, cut);
            d.feed(all, cut, all.length - cut);
            List<Message> got = new ArrayList<>(d.getDecodedMessages());
            assertThat(got).hasSize(2);
            assertThat(new String(got.get(0).getPayload(), StandardCharsets.UTF_8)).isEqualTo("é ü 日本");
            assertThat(got.get(1).getHeaders().get(":exception-type").getString()).isEqualTo("Boom");
        }
    }

    @Test
    void unicodeHeaderValuesAreUtf8Lengths() {
        Message m = decode(EventStreamFrames.encode(headers("k", "ünï"), new byte[0])).get(0);
        assertThat(m.getHeaders().get("k").getString()).isEqualTo("ünï");
    }

    @Test
    void refusesWhatTheFormatCannotCarry() {
        assertThatThrownBy(() -> EventStreamFrames.encode(headers("x".repeat(256), "v"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventStreamFrames.encode(headers("", "v"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventStreamFrames.encode(Map.of(), new byte[16 * 1024 * 1024]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionPayloadEscapesItsMessage() {
        assertThat(EventStreamBody.jsonString("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000ad\"");
    }
}
