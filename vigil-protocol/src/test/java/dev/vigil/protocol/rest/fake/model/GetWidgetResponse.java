package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** Status code, headers and an implicit JSON body. */
public final class GetWidgetResponse extends FakeShape<GetWidgetResponse> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.INTEGER, "Status", STATUS_CODE, "Status"),
            field(MarshallingType.STRING, "ETag", HEADER, "ETag"),
            field(MarshallingType.INSTANT, "Modified", HEADER, "Last-Modified"),
            field(MarshallingType.INTEGER, "Count", HEADER, "x-amz-count"),
            field(MarshallingType.STRING, "Name", PAYLOAD, "Name"),
            field(MarshallingType.LONG, "Size", PAYLOAD, "Size"),
            field(MarshallingType.INSTANT, "Created", PAYLOAD, "Created"),
            field(MarshallingType.DOUBLE, "Ratio", PAYLOAD, "Ratio"),
            field(MarshallingType.MAP, "Attributes", PAYLOAD, "Attributes", mapOf(element(MarshallingType.STRING))),
            field(MarshallingType.LIST, "Parts", PAYLOAD, "Parts", listOf(pojo("member", PAYLOAD, "member", Part::builder))));

    public static GetWidgetResponse builder() { return new GetWidgetResponse(); }

    @Override protected GetWidgetResponse create() { return new GetWidgetResponse(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
