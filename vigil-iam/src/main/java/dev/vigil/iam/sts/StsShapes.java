package dev.vigil.iam.sts;

import software.amazon.awssdk.services.sts.model.Credentials;

/** Sessions as the SDK model shapes STS answers with. Stateless. */
final class StsShapes {
    private StsShapes() {}

    static Credentials credentials(StsSession s) {
        return Credentials.builder()
                .accessKeyId(s.accessKeyId())
                .secretAccessKey(s.secretAccessKey())
                .sessionToken(s.sessionToken())
                .expiration(s.expiration())
                .build();
    }
}
