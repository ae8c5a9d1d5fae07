package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** A nested structure. */
public final class Part extends FakeShape<Part> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.STRING, "Name", PAYLOAD, "Name"),
            field(MarshallingType.LONG, "Size", PAYLOAD, "Size"),
            field(MarshallingType.INSTANT, "Created", PAYLOAD, "Created"),
            field(MarshallingType.LIST, "Tags", PAYLOAD, "Tags", listOf(element(MarshallingType.STRING))));

    public static Part builder() { return new Part(); }

    @Override protected Part create() { return new Part(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
