package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;

/** PUT /configs/{Name}?mode=full: a structure payload and an httpQueryParams map. */
public final class PutConfigRequest extends FakeShape<PutConfigRequest> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.STRING, "Name", PATH, "Name"),
            pojo("Config", PAYLOAD, "Config", Config::builder, PayloadTrait.create()),
            field(MarshallingType.MAP, "Options", QUERY_PARAM, "Options", mapOf(listElement(element(MarshallingType.STRING)))));

    public static PutConfigRequest builder() { return new PutConfigRequest(); }

    @Override protected PutConfigRequest create() { return new PutConfigRequest(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
