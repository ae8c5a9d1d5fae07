package dev.vigil.bench;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request a scenario sends, before signing: the generator adds Host, X-Amz-Date, Authorization
 * and Content-Length. Immutable by convention (the body array is not copied).
 *
 * @param signingName SigV4 credential-scope service, e.g. "sts", "cloudtrail", "monitoring"
 * @param pathAndQuery as on the request line, already percent-encoded
 * @param headers      extra headers to sign (Content-Type, X-Amz-Target, ...), in sending order
 */
public record RequestSpec(String signingName, String method, String pathAndQuery, Map<String, String> headers,
                          byte[] body) {

    public RequestSpec {
        Objects.requireNonNull(signingName, "signingName");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** An awsQuery call: form-encoded POST to / (the form must already be URL-encoded). */
    public static RequestSpec awsQuery(String signingName, String form) {
        return new RequestSpec(signingName, "POST", "/",
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                form.getBytes(StandardCharsets.UTF_8));
    }

    /** An awsJson1_0 / awsJson1_1 call: POST / with X-Amz-Target {@code targetPrefix.operation}. */
    public static RequestSpec awsJson(String signingName, String version, String targetPrefix, String operation,
                                      String json) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/x-amz-json-" + version);
        h.put("X-Amz-Target", targetPrefix + "." + operation);
        return new RequestSpec(signingName, "POST", "/", h, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An rpcv2Cbor call: POST /service/{service}/operation/{operation} with a CBOR body. */
    public static RequestSpec rpcV2Cbor(String signingName, String service, String operation, byte[] cbor) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/cbor");
        h.put("Accept", "application/cbor");
        h.put("smithy-protocol", "rpc-v2-cbor");
        return new RequestSpec(signingName, "POST", "/service/" + service + "/operation/" + operation, h, cbor);
    }
}
