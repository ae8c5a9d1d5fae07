package dev.vigil.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vigil.core.AwsException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request bodies of the document protocols (JSON, CBOR, restJson1 payloads) as trees. Stateless. */
public final class Documents {
    private Documents() {}

    /** Parses a body into a tree; an empty body is an empty input, a malformed one a SerializationException. */
    public static JsonNode parse(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) return MissingNode.getInstance();
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            throw new AwsException("SerializationException", 400, "Malformed request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
