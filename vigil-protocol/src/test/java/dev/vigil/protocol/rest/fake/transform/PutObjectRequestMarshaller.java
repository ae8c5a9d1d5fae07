package dev.vigil.protocol.rest.fake.transform;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;

/** Where the SDK's generated marshaller of PutObject would declare the route (PutObjectRequest's binding). */
public final class PutObjectRequestMarshaller {
    private static final OperationInfo SDK_OPERATION_BINDING = OperationInfo.builder()
            .requestUri("/buckets/{Bucket}/objects/{Key+}").httpMethod(SdkHttpMethod.PUT)
            .hasExplicitPayloadMember(true).hasImplicitPayloadMembers(false)
            .hasPayloadMembers(true).build();

    private PutObjectRequestMarshaller() {}

    public static OperationInfo binding() { return SDK_OPERATION_BINDING; }
}
