package dev.vigil.bench;

import dev.vigil.protocol.sigv4.SigV4Signer;
import dev.vigil.protocol.sigv4.SignableRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link RequestSpec} into the exact bytes of a SigV4-signed HTTP/1.1 request (header
 * form, as the SDKs sign), signed for a given instant. Content-Length and User-Agent are added
 * unsigned, like the SDKs do. Immutable; thread-safe.
 */
public final class RequestSigner {
    private static final String USER_AGENT = "vigil-bench/0.1";

    private final String hostHeader;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;

    public RequestSigner(String hostHeader, String accessKeyId, String secretAccessKey, String region) {
        this.hostHeader = hostHeader;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
    }

    public byte[] sign(RequestSpec spec, Instant now) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(hostHeader));
        spec.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        SignableRequest signed = SigV4Signer.sign(
                SignableRequest.of(spec.method(), spec.pathAndQuery(), headers, spec.body()),
                new SigV4Signer.Params(accessKeyId, secretAccessKey, null, region, spec.signingName(), now));

        StringBuilder head = new StringBuilder(512);
        head.append(spec.method()).append(' ').append(spec.pathAndQuery()).append(" HTTP/1.1\r\n");
        signed.headers().forEach((name, values) -> {
            for (String v : values) head.append(name).append(": ").append(v).append("\r\n");
        });
        head.append("user-agent: ").append(USER_AGENT).append("\r\n");
        head.append("content-length: ").append(spec.body().length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length + spec.body().length);
        out.writeBytes(h);
        out.writeBytes(spec.body());
        return out.toByteArray();
    }
}
