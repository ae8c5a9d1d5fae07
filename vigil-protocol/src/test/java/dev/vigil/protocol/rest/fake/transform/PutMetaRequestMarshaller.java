package dev.vigil.protocol.rest.fake.transform;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;

/** Where the SDK's generated marshaller of PutMeta would declare the route (PutMetaRequest's binding). */
public final class PutMetaRequestMarshaller {
    private static final OperationInfo SDK_OPERATION_BINDING = OperationInfo.builder()
            .requestUri("/meta").httpMethod(SdkHttpMethod.POST)
            .hasExplicitPayloadMember(false).hasImplicitPayloadMembers(false)
            .hasPayloadMembers(false).build();

    private PutMetaRequestMarshaller() {}

    public static OperationInfo binding() { return SDK_OPERATION_BINDING; }
}
