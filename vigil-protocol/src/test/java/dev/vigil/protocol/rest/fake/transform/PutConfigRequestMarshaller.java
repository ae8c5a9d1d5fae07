package dev.vigil.protocol.rest.fake.transform;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;

/** Where the SDK's generated marshaller of PutConfig would declare the route (PutConfigRequest's binding). */
public final class PutConfigRequestMarshaller {
    private static final OperationInfo SDK_OPERATION_BINDING = OperationInfo.builder()
            .requestUri("/configs/{Name}?mode=full").httpMethod(SdkHttpMethod.PUT)
            .hasExplicitPayloadMember(true).hasImplicitPayloadMembers(false)
            .hasPayloadMembers(true).build();

    private PutConfigRequestMarshaller() {}

    public static OperationInfo binding() { return SDK_OPERATION_BINDING; }
}
