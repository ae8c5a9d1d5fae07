package dev.vigil.protocol.rest.fake.transform;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;

/** Where the SDK's generated marshaller of GetWidget would declare the route (GetWidgetRequest's binding). */
public final class GetWidgetRequestMarshaller {
    private static final OperationInfo SDK_OPERATION_BINDING = OperationInfo.builder()
            .requestUri("/v1/widgets/{WidgetName}/parts/{PartId}").httpMethod(SdkHttpMethod.GET)
            .hasExplicitPayloadMember(false).hasImplicitPayloadMembers(false)
            .hasPayloadMembers(false).build();

    private GetWidgetRequestMarshaller() {}

    public static OperationInfo binding() { return SDK_OPERATION_BINDING; }
}
