package dev.vigil.iam.policy;

import dev.vigil.iam.policy.Decision.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the engine table: a request, the expected decision, and the AWS documentation statement or
 * example it comes from. {@link #of} starts a small builder whose defaults are an IAM user {@code alice} in
 * account 111122223333 asking for {@code s3:GetObject} on {@code arn:aws:s3:::bucket/key}.
 */
record EngineCase(String category, String name, String source, AuthorizationRequest request, Outcome outcome,
                  PolicyType deniedBy, String message, List<String> matchedSids) {

    static final String ACCOUNT = "111122223333";
    static final String OTHER = "444455556666";

    @Override
    public String toString() {
        return category + " | " + name;
    }

    static Builder of(String category, String name, String source) {
        return new Builder(category, name, source);
    }

    /** A one-statement identity policy. */
    static String allow(String action, String resource) {
        return statement("Allow", action, resource, null);
    }

    static String deny(String action, String resource) {
        return statement("Deny", action, resource, null);
    }

    /** A one-statement identity policy with a condition block, e.g. {@code {"Bool": {"aws:SecureTransport": "true"}}}. */
    static String allowIf(String action, String resource, String condition) {
        return statement("Allow", action, resource, condition);
    }

    static String denyIf(String action, String resource, String condition) {
        return statement("Deny", action, resource, condition);
    }

    private static String statement(String effect, String action, String resource, String condition) {
        return """
                {"Version": "2012-10-17", "Statement": {"Effect": "%s", "Action": %s, "Resource": %s%s}}"""
                .formatted(effect, json(action), json(resource), condition == null ? "" : ", \"Condition\": " + condition);
    }

    /** A one-statement resource-based policy; principal is a JSON value such as {@code {"AWS": "..."}} or {@code "*"}. */
    static String resourceAllow(String principal, String action, String resource) {
        return """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": %s, "Action": %s, "Resource": %s}}"""
                .formatted(principal, json(action), json(resource));
    }

    static String resourceDeny(String principal, String action, String resource) {
        return """
                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": %s, "Action": %s, "Resource": %s}}"""
                .formatted(principal, json(action), json(resource));
    }

    static String trust(String principal, String action) {
        return """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": %s, "Action": %s}}"""
                .formatted(principal, json(action));
    }

    /** A bare string becomes a JSON string; a value already in JSON ([..], "..") is kept. */
    private static String json(String v) {
        return v.startsWith("[") || v.startsWith("\"") ? v : "\"" + v + "\"";
    }

    static RequestPrincipal user(String account, String name) {
        return RequestPrincipal.user(account, "/", name, "AIDA" + name.toUpperCase() + "EXAMPLE0001", Map.of());
    }

    static RequestPrincipal roleSession(String account, String role, String session) {
        return RequestPrincipal.roleSession("arn:aws:iam::" + account + ":role/" + role,
                "AROA" + role.toUpperCase() + "EXAMPLE01", session, Map.of());
    }

    /** Not thread-safe; used while building the table. */
    static final class Builder {
        private final String category;
        private final String name;
        private final String source;
        private RequestPrincipal principal = user(ACCOUNT, "alice");
        private String action = "s3:GetObject";
        private String resource = "arn:aws:s3:::bucket/key";
        private String resourceAccount;
        private final List<AttachedPolicy> identity = new ArrayList<>();
        private AttachedPolicy resourcePolicy;
        private AttachedPolicy boundary;
        private final List<AttachedPolicy> session = new ArrayList<>();
        private final List<ScpLevel> scps = new ArrayList<>();
        private final Map<String, String[]> ctx = new LinkedHashMap<>();
        private final List<String> removed = new ArrayList<>();
        private String message;
        private List<String> matchedSids;

        Builder(String category, String name, String source) {
            this.category = category;
            this.name = name;
            this.source = source;
        }

        Builder principal(RequestPrincipal p) { this.principal = p; return this; }

        Builder action(String a) { this.action = a; return this; }

        Builder resource(String r) { this.resource = r; return this; }

        Builder resourceAccount(String a) { this.resourceAccount = a; return this; }

        Builder identity(String json) {
            identity.add(AttachedPolicy.of("identity-" + identity.size(), json, PolicyKind.IDENTITY));
            return this;
        }

        Builder resourcePolicy(String json) {
            resourcePolicy = AttachedPolicy.of("resource", json, PolicyKind.RESOURCE);
            return this;
        }

        Builder trustPolicy(String json) {
            resourcePolicy = AttachedPolicy.of("trust", json, PolicyKind.TRUST);
            return this;
        }

        Builder boundary(String json) {
            boundary = AttachedPolicy.of("boundary", json, PolicyKind.BOUNDARY);
            return this;
        }

        Builder session(String json) {
            session.add(AttachedPolicy.of("session-" + session.size(), json, PolicyKind.SESSION));
            return this;
        }

        /** One SCP level (root, OU or account) with its policies. */
        Builder scp(String target, String... jsons) {
            List<AttachedPolicy> ps = new ArrayList<>();
            for (int i = 0; i < jsons.length; i++) ps.add(AttachedPolicy.of(target + "-scp-" + i, jsons[i], PolicyKind.SCP));
            scps.add(new ScpLevel(target, ps));
            return this;
        }

        Builder ctx(String key, String... values) { ctx.put(key, values); return this; }

        /** Drops a key the principal would otherwise contribute (e.g. to test a missing aws:username). */
        Builder without(String key) { removed.add(key); return this; }

        Builder message(String m) { this.message = m; return this; }

        /** The Sids of the statements expected to apply, in evaluation order. */
        Builder matched(String... sids) { this.matchedSids = java.util.Arrays.asList(sids); return this; }

        EngineCase allow() { return build(Outcome.ALLOWED, null); }

        EngineCase implicitDeny(PolicyType type) { return build(Outcome.IMPLICIT_DENY, type); }

        EngineCase explicitDeny(PolicyType type) { return build(Outcome.EXPLICIT_DENY, type); }

        private EngineCase build(Outcome outcome, PolicyType type) {
            ConditionContext.Builder c = ConditionContext.builder().principal(principal);
            ctx.forEach(c::put);
            removed.forEach(c::remove);
            AuthorizationRequest.Builder req = AuthorizationRequest.builder().principal(principal).action(action)
                    .resource(resource).resourceAccount(resourceAccount).identityPolicies(identity)
                    .resourcePolicy(resourcePolicy).permissionsBoundary(boundary).scpLevels(scps)
                    .context(c.build());
            session.forEach(req::sessionPolicy);
            return new EngineCase(category, name, source, req.build(), outcome, type, message, matchedSids);
        }
    }
}
