package dev.vigil.cloudtrail;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import java.io.IOException;

/**
 * The members of CloudTrail's {@code userIdentity} element per principal type, as AWS documents them
 * ("CloudTrail userIdentity element"). Writes into an already opened object. Stateless.
 */
final class UserIdentity {
    private UserIdentity() {}

    static void root(JsonGenerator g, Caller c) throws IOException {
        common(g, "Root", c);
        temporaryCredentials(g, c);
    }

    static void iamUser(JsonGenerator g, Caller c) throws IOException {
        common(g, "IAMUser", c);
        field(g, "userName", c.userName());
        temporaryCredentials(g, c);
    }

    static void assumedRole(JsonGenerator g, Caller c) throws IOException {
        common(g, "AssumedRole", c);
        String issuerArn = c.sessionIssuerArn() != null ? c.sessionIssuerArn() : roleArnOf(c.arn());
        String roleId = c.principalId() == null ? null : before(c.principalId(), ':');
        sessionContext(g, c, "Role", roleId, issuerArn, lastSegment(issuerArn));
    }

    /** A GetFederationToken session: issued by an IAM user (or the root user). */
    static void federatedUser(JsonGenerator g, Caller c) throws IOException {
        common(g, "FederatedUser", c);
        String issuerArn = c.sessionIssuerArn();
        boolean byRoot = issuerArn != null && issuerArn.endsWith(":root");
        String issuerAccount = issuerArn != null && Arn.isArn(issuerArn) ? Arn.parse(issuerArn).accountId() : c.accountId();
        // The issuing user's unique id is not part of the session, so it is written only for the root user.
        sessionContext(g, c, byRoot ? "Root" : "IAMUser", byRoot ? issuerAccount : null, issuerArn,
                byRoot ? null : lastSegment(issuerArn));
    }

    static void awsService(JsonGenerator g, Caller c) throws IOException {
        g.writeStringField("type", "AWSService");
        field(g, "invokedBy", c.principalId() != null ? c.principalId() : c.arn());
    }

    static void awsAccount(JsonGenerator g, Caller c) throws IOException {
        g.writeStringField("type", "AWSAccount");
        field(g, "principalId", c.principalId());
        field(g, "accountId", c.accountId());
    }

    /** Unauthenticated calls: AWS writes the anonymous principal as an AWSAccount (as S3 does). */
    static void anonymous(JsonGenerator g) throws IOException {
        g.writeStringField("type", "AWSAccount");
        g.writeStringField("principalId", "");
        g.writeStringField("accountId", "ANONYMOUS_PRINCIPAL");
    }

    private static void common(JsonGenerator g, String type, Caller c) throws IOException {
        g.writeStringField("type", type);
        field(g, "principalId", c.principalId());
        field(g, "arn", c.arn());
        field(g, "accountId", c.accountId());
        field(g, "accessKeyId", c.accessKeyId());
    }

    /** Root and IAM users signing with GetSessionToken credentials: attributes only, no issuer. */
    private static void temporaryCredentials(JsonGenerator g, Caller c) throws IOException {
        if (c.sessionCreated() == null) return;
        g.writeObjectFieldStart("sessionContext");
        attributes(g, c);
        g.writeEndObject();
    }

    private static void sessionContext(JsonGenerator g, Caller c, String issuerType, String issuerPrincipalId,
                                       String issuerArn, String issuerName) throws IOException {
        g.writeObjectFieldStart("sessionContext");
        g.writeObjectFieldStart("sessionIssuer");
        g.writeStringField("type", issuerType);
        field(g, "principalId", issuerPrincipalId);
        field(g, "arn", issuerArn);
        field(g, "accountId", issuerArn != null && Arn.isArn(issuerArn) ? Arn.parse(issuerArn).accountId() : c.accountId());
        field(g, "userName", issuerName);
        g.writeEndObject();
        attributes(g, c);
        g.writeEndObject();
    }

    private static void attributes(JsonGenerator g, Caller c) throws IOException {
        g.writeObjectFieldStart("attributes");
        if (c.sessionCreated() != null) g.writeStringField("creationDate", CloudTrailEventFormat.time(c.sessionCreated()));
        g.writeStringField("mfaAuthenticated", Boolean.toString(c.mfaAuthenticated()));
        g.writeEndObject();
    }

    /** arn:aws:sts::A:assumed-role/R/session -> arn:aws:iam::A:role/R (the role path is not in the session ARN). */
    static String roleArnOf(String assumedRoleArn) {
        if (assumedRoleArn == null || !Arn.isArn(assumedRoleArn)) return null;
        Arn arn = Arn.parse(assumedRoleArn);
        String[] parts = arn.resource().split("/");
        if (parts.length < 2 || !parts[0].equals("assumed-role")) return null;
        return Arn.of("iam", "", arn.accountId(), "role/" + parts[1]).toString();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) g.writeStringField(name, value);
    }

    private static String before(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? s : s.substring(0, i);
    }

    private static String lastSegment(String arn) {
        if (arn == null) return null;
        int i = arn.lastIndexOf('/');
        return i < 0 ? null : arn.substring(i + 1);
    }
}
