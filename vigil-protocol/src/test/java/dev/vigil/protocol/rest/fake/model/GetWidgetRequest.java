package dev.vigil.protocol.rest.fake.model;

import static dev.vigil.protocol.rest.fake.model.FakeShape.*;
import static software.amazon.awssdk.core.protocol.MarshallLocation.*;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.JsonValueTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/** GET /v1/widgets/{WidgetName}/parts/{PartId}: labels, query and headers of every scalar type. */
public final class GetWidgetRequest extends FakeShape<GetWidgetRequest> {
    static final List<SdkField<?>> FIELDS = fields(
            field(MarshallingType.STRING, "WidgetName", PATH, "WidgetName"),
            field(MarshallingType.INTEGER, "PartId", PATH, "PartId"),
            field(MarshallingType.INTEGER, "MaxResults", QUERY_PARAM, "maxResults"),
            field(MarshallingType.LIST, "Kinds", QUERY_PARAM, "kind", listOf(element(MarshallingType.STRING))),
            field(MarshallingType.INSTANT, "Since", QUERY_PARAM, "since"),
            field(MarshallingType.BOOLEAN, "Verbose", QUERY_PARAM, "verbose"),
            field(MarshallingType.DOUBLE, "Ratio", QUERY_PARAM, "ratio"),
            field(MarshallingType.LIST, "Days", QUERY_PARAM, "day", listOf(element(MarshallingType.INSTANT))),
            field(MarshallingType.STRING, "ClientTag", HEADER, "x-amz-client-tag"),
            field(MarshallingType.LONG, "Limit", HEADER, "X-Amz-Limit"),
            field(MarshallingType.INSTANT, "At", HEADER, "x-amz-at"),
            field(MarshallingType.LIST, "Ids", HEADER, "x-amz-ids", listOf(element(MarshallingType.STRING))),
            field(MarshallingType.LIST, "Dates", HEADER, "x-amz-dates", listOf(element(MarshallingType.INSTANT))),
            field(MarshallingType.BOOLEAN, "Flag", HEADER, "x-amz-flag"),
            field(MarshallingType.STRING, "Policy", HEADER, "x-amz-policy", JsonValueTrait.create()),
            field(MarshallingType.INSTANT, "Epoch", HEADER, "x-amz-epoch", TimestampFormatTrait.create(TimestampFormatTrait.Format.UNIX_TIMESTAMP)));

    public static GetWidgetRequest builder() { return new GetWidgetRequest(); }

    @Override protected GetWidgetRequest create() { return new GetWidgetRequest(); }

    @Override public List<SdkField<?>> sdkFields() { return FIELDS; }
}
