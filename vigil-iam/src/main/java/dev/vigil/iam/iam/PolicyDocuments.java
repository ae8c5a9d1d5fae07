package dev.vigil.iam.iam;

import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.PolicyParser;
import dev.vigil.iam.policy.PolicySizeLimit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy documents at the IAM API's edge: validated by the policy engine's parser (AWS's MalformedPolicyDocument
 * messages and size quotas), and URL-encoded in responses as IAM returns them. Stateless.
 */
public final class PolicyDocuments {
    private PolicyDocuments() {}

    /** A managed policy version or permissions boundary: identity grammar, 6,144 characters. */
    public static void checkManaged(String document) {
        PolicyParser.parse(document, PolicyKind.IDENTITY, PolicySizeLimit.MANAGED);
    }

    /** A role trust policy: names principals, no Resource, 2,048 characters. */
    public static void checkTrust(String document) {
        PolicyParser.parse(document, PolicyKind.TRUST, PolicySizeLimit.TRUST);
    }

    /**
     * An inline policy: identity grammar; the size quota counts all of the entity's inline policies together.
     *
     * @param others the entity's other inline policies (not the one being replaced)
     */
    public static void checkInline(EntityKind kind, String entityName, String document, Iterable<String> others) {
        PolicySizeLimit limit = switch (kind) {
            case USER -> PolicySizeLimit.USER_INLINE;
            case GROUP -> PolicySizeLimit.GROUP_INLINE;
            case ROLE -> PolicySizeLimit.ROLE_INLINE;
            default -> throw new IllegalArgumentException(kind.name());
        };
        List<String> all = new ArrayList<>();
        others.forEach(all::add);
        all.add(document);
        limit.check(entityName, all.toArray(String[]::new));
        PolicyParser.parse(document, PolicyKind.IDENTITY);
    }

    /**
     * Percent-encodes a document the way IAM returns it ({@code %7B%22Version%22...}): RFC 3986, space as %20,
     * which clients undo with a plain URL-decode (botocore's unquote, so '+' would not do).
     */
    public static String encode(String document) {
        if (document == null) return null;
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
