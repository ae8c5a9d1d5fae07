package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/** 201 with a JSON body. */
public final class PutNoteResponse extends FakeShape<PutNoteResponse> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.INTEGER, "Status", STATUS_CODE, "Status"),
            field(MarshallingType.STRING, "NoteId", PAYLOAD, "NoteId"),
            field(MarshallingType.INSTANT, "Created", PAYLOAD, "Created", TimestampFormatTrait.create(TimestampFormatTrait.Format.ISO_8601)));

    public static PutNoteResponse builder() { return new PutNoteResponse(); }

    @Override protected PutNoteResponse create() { return new PutNoteResponse(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
