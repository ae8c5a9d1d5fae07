package dev.vigil.iam.iam;

import java.time.Instant;
import java.util.List;

/**
 * A SAML or OpenID Connect identity provider registered in an account. For SAML, {@code metadata} holds the
 * metadata document; for OIDC, {@code clientIds} and {@code thumbprints}. Immutable.
 */
public record IdentityProvider(String accountId, String arn, Kind kind, String uuid, String metadata,
                               List<String> clientIds, List<String> thumbprints, List<IamTag> tags,
                               Instant createDate, Instant validUntil) {
    public enum Kind { SAML, OIDC }

    public IdentityProvider {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        thumbprints = thumbprints == null ? List.of() : List.copyOf(thumbprints);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** For OIDC, the issuer URL IAM reports ("https://" + the ARN's resource after "oidc-provider/"). */
    public String url() {
        return "https://" + arn.substring(arn.indexOf(":oidc-provider/") + ":oidc-provider/".length());
    }

    public IdentityProvider withMetadata(String document, Instant until) {
        return new IdentityProvider(accountId, arn, kind, uuid, document, clientIds, thumbprints, tags, createDate,
                until);
    }

    public IdentityProvider withClientIds(List<String> ids) {
        return new IdentityProvider(accountId, arn, kind, uuid, metadata, ids, thumbprints, tags, createDate,
                validUntil);
    }

    public IdentityProvider withThumbprints(List<String> prints) {
        return new IdentityProvider(accountId, arn, kind, uuid, metadata, clientIds, prints, tags, createDate,
                validUntil);
    }

    public IdentityProvider withTags(List<IamTag> t) {
        return new IdentityProvider(accountId, arn, kind, uuid, metadata, clientIds, thumbprints, t, createDate,
                validUntil);
    }
}
