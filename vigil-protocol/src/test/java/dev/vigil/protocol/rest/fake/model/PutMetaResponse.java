package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** Prefix headers and list headers out. */
public final class PutMetaResponse extends FakeShape<PutMetaResponse> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.MAP, "Meta", HEADER, "x-amz-meta-", mapOf(element(MarshallingType.STRING))),
            field(MarshallingType.LIST, "Tags", HEADER, "x-amz-tags", listOf(element(MarshallingType.STRING))),
            field(MarshallingType.LIST, "Dates", HEADER, "x-amz-dates", listOf(element(MarshallingType.INSTANT))));

    public static PutMetaResponse builder() { return new PutMetaResponse(); }

    @Override protected PutMetaResponse create() { return new PutMetaResponse(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
