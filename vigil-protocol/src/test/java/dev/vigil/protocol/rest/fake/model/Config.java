package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/** The structure PutConfig sends as its whole body. */
public final class Config extends FakeShape<Config> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.BOOLEAN, "Enabled", PAYLOAD, "Enabled"),
            field(MarshallingType.DOUBLE, "Threshold", PAYLOAD, "Threshold"),
            field(MarshallingType.MAP, "Labels", PAYLOAD, "Labels", mapOf(element(MarshallingType.STRING))),
            field(MarshallingType.DOCUMENT, "Extra", PAYLOAD, "Extra"),
            field(MarshallingType.INSTANT, "Updated", PAYLOAD, "Updated", TimestampFormatTrait.create(TimestampFormatTrait.Format.ISO_8601)));

    public static Config builder() { return new Config(); }

    @Override protected Config create() { return new Config(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
