package dev.vigil.protocol.query;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ErrorSpec;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkPojo;

/** awsQuery: form-encoded parameters in, {@code <OpResponse><OpResult>} XML out. Thread-safe. */
public final class QueryCodec implements ProtocolCodec {
    private static final String CONTENT_TYPE = "text/xml";

    @Override public Protocol protocol() { return Protocol.AWS_QUERY; }

    @Override
    public SdkPojo readRequest(WireRequest request, ServiceDescriptor service, OperationDescriptor<?, ?> op) {
        return FormReader.read(op.requestClass(), FormParams.of(request), service::queryName);
    }

    @Override
    public WireResponse writeResponse(SdkPojo response, ServiceDescriptor service, OperationDescriptor<?, ?> op,
                                      String requestId) {
        StringBuilder sb = new StringBuilder(512);
        XmlWriter w = new XmlWriter(sb, service::queryName);
        String root = op.name() + "Response";
        sb.append('<').append(root).append(" xmlns=\"").append(service.xmlNamespace()).append("\">");
        // Always present, even empty: botocore looks for the result wrapper whenever the model has an
        // output shape (DeleteDashboards), and clients of operations without one ignore it.
        w.open(op.name() + "Result");
        w.members(response);
        w.close(op.name() + "Result");
        w.open("ResponseMetadata");
        w.element("RequestId", requestId);
        w.close("ResponseMetadata");
        w.close(root);
        return new WireResponse(200, CONTENT_TYPE, sb.toString().getBytes(StandardCharsets.UTF_8))
                .header("x-amzn-RequestId", requestId);
    }

    @Override
    public WireResponse writeError(AwsException error, ServiceDescriptor service, String requestId) {
        ErrorSpec spec = service == null ? null : service.error(error.code());
        String code = spec == null ? error.code() : spec.queryCodeOrShape();
        int status = spec == null ? error.status() : spec.status();
        StringBuilder sb = new StringBuilder(256);
        XmlWriter w = new XmlWriter(sb);
        sb.append("<ErrorResponse");
        if (service != null && service.xmlNamespace() != null) {
            sb.append(" xmlns=\"").append(service.xmlNamespace()).append('"');
        }
        sb.append('>');
        w.open("Error");
        w.element("Type", status < 500 ? "Sender" : "Receiver");
        w.element("Code", code);
        w.element("Message", error.getMessage() == null ? "" : error.getMessage());
        w.close("Error");
        w.element("RequestId", requestId);
        w.close("ErrorResponse");
        return new WireResponse(status, CONTENT_TYPE, sb.toString().getBytes(StandardCharsets.UTF_8))
                .header("x-amzn-RequestId", requestId);
    }
}
