package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;

/** PUT /buckets/{Bucket}/objects/{Key+}: a raw blob body. */
public final class PutObjectRequest extends FakeShape<PutObjectRequest> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.STRING, "Bucket", PATH, "Bucket"),
            field(MarshallingType.STRING, "Key", GREEDY_PATH, "Key"),
            field(MarshallingType.SDK_BYTES, "Body", PAYLOAD, "Body", PayloadTrait.create()),
            field(MarshallingType.STRING, "ContentType", HEADER, "Content-Type"));

    public static PutObjectRequest builder() { return new PutObjectRequest(); }

    @Override protected PutObjectRequest create() { return new PutObjectRequest(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
