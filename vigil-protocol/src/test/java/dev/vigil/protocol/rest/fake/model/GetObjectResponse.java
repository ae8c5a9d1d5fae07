package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;

/** A raw blob body and its Content-Type. */
public final class GetObjectResponse extends FakeShape<GetObjectResponse> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.SDK_BYTES, "Body", PAYLOAD, "Body", PayloadTrait.create()),
            field(MarshallingType.STRING, "ContentType", HEADER, "Content-Type"));

    public static GetObjectResponse builder() { return new GetObjectResponse(); }

    @Override protected GetObjectResponse create() { return new GetObjectResponse(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
