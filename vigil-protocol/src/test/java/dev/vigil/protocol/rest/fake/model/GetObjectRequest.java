package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** GET /buckets/{Bucket}/objects/{Key+}: a greedy label. */
public final class GetObjectRequest extends FakeShape<GetObjectRequest> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.STRING, "Bucket", PATH, "Bucket"),
            field(MarshallingType.STRING, "Key", GREEDY_PATH, "Key"),
            field(MarshallingType.STRING, "Range", HEADER, "Range"));

    public static GetObjectRequest builder() { return new GetObjectRequest(); }

    @Override protected GetObjectRequest create() { return new GetObjectRequest(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
