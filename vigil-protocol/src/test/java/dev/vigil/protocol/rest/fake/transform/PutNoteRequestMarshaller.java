package dev.vigil.protocol.rest.fake.transform;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;

/** Where the SDK's generated marshaller of PutNote would declare the route (PutNoteRequest's binding). */
public final class PutNoteRequestMarshaller {
    private static final OperationInfo SDK_OPERATION_BINDING = OperationInfo.builder()
            .requestUri("/notes/{Id}").httpMethod(SdkHttpMethod.POST)
            .hasExplicitPayloadMember(true).hasImplicitPayloadMembers(false)
            .hasPayloadMembers(true).build();

    private PutNoteRequestMarshaller() {}

    public static OperationInfo binding() { return SDK_OPERATION_BINDING; }
}
