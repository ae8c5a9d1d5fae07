package dev.vigil.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.AwsException;
import dev.vigil.core.service.ErrorSpec;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * What awsJson1_0, awsJson1_1 and rpcv2Cbor share: a document body read into and written from the
 * SDK model, and errors as {@code {"__type", "message"}} plus, for query-compatible services,
 * {@code x-amzn-query-error}. Subclasses choose the format and headers. Thread-safe.
 */
public abstract class DocumentCodec implements ProtocolCodec {
    protected final ObjectMapper mapper;

    protected DocumentCodec(JsonFactory factory) { this.mapper = new ObjectMapper(factory); }

    protected abstract String contentType();

    /** Headers every response of this protocol carries besides the request id. */
    protected void protocolHeaders(WireResponse r) {}

    @Override
    public SdkPojo readRequest(WireRequest request, ServiceDescriptor service, OperationDescriptor<?, ?> op) {
        return DocumentReader.read(op.requestClass(), parse(request.body()));
    }

    /** Parses a body into a tree; an empty body is an empty input. */
    public JsonNode parse(byte[] body) {
        return Documents.parse(mapper, body);
    }

    @Override
    public WireResponse writeResponse(SdkPojo response, ServiceDescriptor service, OperationDescriptor<?, ?> op,
                                      String requestId) {
        WireResponse r = new WireResponse(200, contentType(), serialize(response));
        r.header("x-amzn-RequestId", requestId);
        protocolHeaders(r);
        return r;
    }

    public byte[] serialize(SdkPojo pojo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            DocumentWriter.WIRE.write(g, pojo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public WireResponse writeError(AwsException error, ServiceDescriptor service, String requestId) {
        ErrorSpec spec = service == null ? null : service.error(error.code());
        String shape = spec == null ? error.code() : spec.shapeName();
        int status = spec == null ? error.status() : spec.status();
        String type = service != null && service.queryCompatible() && service.errorNamespace() != null
                ? service.errorNamespace() + "#" + shape : shape;
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("__type", type);
            g.writeStringField("message", error.getMessage());
            for (var m : error.members().entrySet()) g.writeStringField(m.getKey(), m.getValue());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WireResponse r = new WireResponse(status, contentType(), out.toByteArray());
        r.header("x-amzn-RequestId", requestId);
        if (service != null && service.queryCompatible()) {
            String queryCode = spec == null ? error.code() : spec.queryCodeOrShape();
            r.header("x-amzn-query-error", queryCode + ";" + (status < 500 ? "Sender" : "Receiver"));
        }
        protocolHeaders(r);
        return r;
    }
}
