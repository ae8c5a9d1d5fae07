package dev.vigil.protocol.rest.fake.transform;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;

/** Where the SDK's generated marshaller of GetObject would declare the route (GetObjectRequest's binding). */
public final class GetObjectRequestMarshaller {
    private static final OperationInfo SDK_OPERATION_BINDING = OperationInfo.builder()
            .requestUri("/buckets/{Bucket}/objects/{Key+}").httpMethod(SdkHttpMethod.GET)
            .hasExplicitPayloadMember(false).hasImplicitPayloadMembers(false)
            .hasPayloadMembers(false).build();

    private GetObjectRequestMarshaller() {}

    public static OperationInfo binding() { return SDK_OPERATION_BINDING; }
}
