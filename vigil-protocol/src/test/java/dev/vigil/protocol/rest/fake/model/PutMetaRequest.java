package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** POST /meta: prefix headers and a list header. */
public final class PutMetaRequest extends FakeShape<PutMetaRequest> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.MAP, "Meta", HEADER, "x-amz-meta-", mapOf(element(MarshallingType.STRING))),
            field(MarshallingType.LIST, "Tags", HEADER, "x-amz-tags", listOf(element(MarshallingType.STRING))),
            field(MarshallingType.LIST, "Dates", HEADER, "x-amz-dates", listOf(element(MarshallingType.INSTANT))));

    public static PutMetaRequest builder() { return new PutMetaRequest(); }

    @Override protected PutMetaRequest create() { return new PutMetaRequest(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
