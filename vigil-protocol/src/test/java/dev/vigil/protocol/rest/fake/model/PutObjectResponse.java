package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** Headers only: no body. */
public final class PutObjectResponse extends FakeShape<PutObjectResponse> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.STRING, "ETag", HEADER, "ETag"));

    public static PutObjectResponse builder() { return new PutObjectResponse(); }

    @Override protected PutObjectResponse create() { return new PutObjectResponse(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
