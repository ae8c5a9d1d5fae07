package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;

/** A raw text body. */
public final class PutConfigResponse extends FakeShape<PutConfigResponse> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.STRING, "Text", PAYLOAD, "Text", PayloadTrait.create()),
            field(MarshallingType.LONG, "Version", HEADER, "x-amz-version"));

    public static PutConfigResponse builder() { return new PutConfigResponse(); }

    @Override protected PutConfigResponse create() { return new PutConfigResponse(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
