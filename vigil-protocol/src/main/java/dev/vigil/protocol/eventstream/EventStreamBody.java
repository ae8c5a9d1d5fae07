package dev.vigil.protocol.eventstream;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.EventSink;
import dev.vigil.core.service.EventStream;
import dev.vigil.protocol.StreamingBody;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A provider's {@link EventStream} as an {@code application/vnd.amazon.eventstream} body: first the
 * {@code initial-response} event (the operation's response shape, which the JSON protocols send in the stream),
 * then one {@code event} message per event, {@code :event-type} naming the union member, and at most one
 * {@code exception} message ({@code :exception-type} the error code). Payloads are serialized by the protocol's
 * own shape writer. Thread-safe (stateless apart from the stream it wraps).
 */
public final class EventStreamBody implements StreamingBody {
    private final EventStream stream;
    private final SdkPojo initialResponse;
    private final Function<SdkPojo, byte[]> serializer;
    private final String payloadType;

    /**
     * @param serializer the protocol's shape writer
     * @param payloadType the payloads' {@code :content-type} ({@code application/json} for the JSON protocols)
     */
    public EventStreamBody(EventStream stream, SdkPojo initialResponse, Function<SdkPojo, byte[]> serializer,
                           String payloadType) {
        this.stream = stream;
        this.initialResponse = initialResponse;
        this.serializer = serializer;
        this.payloadType = payloadType;
    }

    @Override
    public void start(FrameSink sink) {
        sink.frame(event("initial-response", initialResponse));
        stream.open(new EventSink() {
            @Override
            public void event(String type, SdkPojo event) {
                sink.frame(EventStreamBody.this.event(type, event));
            }

            @Override
            public void fail(AwsException error) {
                sink.frame(exception(error));
                sink.end();
            }

            @Override
            public void end() {
                sink.end();
            }

            @Override
            public int backlog() {
                return sink.backlog();
            }
        });
    }

    @Override
    public void cancel() {
        stream.close();
    }

    byte[] event(String type, SdkPojo event) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(":message-type", "event");
        h.put(":event-type", type);
        h.put(":content-type", payloadType);
        return EventStreamFrames.encode(h, serializer.apply(event));
    }

    byte[] exception(AwsException error) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(":message-type", "exception");
        h.put(":exception-type", error.code());
        h.put(":content-type", payloadType);
        String message = error.getMessage() == null ? "" : error.getMessage();
        return EventStreamFrames.encode(h, ("{\"message\":" + jsonString(message) + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal (the exception payload is one member; no need for a generator). */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
