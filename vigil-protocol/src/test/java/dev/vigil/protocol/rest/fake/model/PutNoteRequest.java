package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;

/** POST /notes/{Id}: a raw text body. */
public final class PutNoteRequest extends FakeShape<PutNoteRequest> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.STRING, "Id", PATH, "Id"),
            field(MarshallingType.STRING, "Text", PAYLOAD, "Text", PayloadTrait.create()));

    public static PutNoteRequest builder() { return new PutNoteRequest(); }

    @Override protected PutNoteRequest create() { return new PutNoteRequest(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
