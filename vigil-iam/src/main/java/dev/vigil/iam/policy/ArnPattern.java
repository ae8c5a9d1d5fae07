package dev.vigil.iam.policy;

/**
 * A Resource element entry or an Arn* condition value. AWS compares ARNs segment by segment:
 * "each of the six colon-delimited components of the ARN is checked separately and each can include
 * multi-character match wildcards (*) or single-character match wildcards (?)" (Condition operators, ARN),
 * so a {@code *} in the region never swallows the account. The sixth component (the resource) keeps its
 * own colons and slashes, and a {@code *} there crosses them ({@code arn:aws:s3:::bucket/*}). Policy
 * variables are honoured only in that resource part ("after the fifth colon", Variables and tags).
 * A value that is not an ARN, and the pattern {@code *}, are compared as whole strings.
 * Matching allocates only when the pattern holds a variable. Immutable, thread-safe.
 */
final class ArnPattern {
    private final String raw;
    private final Glob whole;          // non-null when compared as a whole string
    private final Glob[] prefix;       // the first five components
    private final Template resource;   // the sixth component
    private final Glob resourceGlob;   // precompiled when the sixth component has no variable

    private ArnPattern(String raw, Glob whole, Glob[] prefix, Template resource) {
        this.raw = raw;
        this.whole = whole;
        this.prefix = prefix;
        this.resource = resource;
        this.resourceGlob = resource != null && resource.isConstant() ? resource.resolveGlob(null, false) : null;
    }

    static ArnPattern compile(String raw, boolean variablesEnabled) {
        String[] parts = raw.split(":", 6);
        if (!raw.startsWith("arn:") || parts.length < 6) {
            Template t = Template.compile(raw, variablesEnabled);
            return new ArnPattern(raw, t.isConstant() ? t.resolveGlob(null, false) : Glob.of(raw, false), null, null);
        }
        Glob[] prefix = new Glob[5];
        for (int i = 0; i < 5; i++) prefix[i] = Glob.of(parts[i], false);
        return new ArnPattern(raw, null, prefix, Template.compile(parts[5], variablesEnabled));
    }

    boolean matchesEverything() { return whole != null && whole.matchesEverything(); }

    Template resourceTemplate() { return resource; }

    boolean matches(String value, ConditionContext ctx) {
        if (whole != null) return whole.matches(value);
        int from = 0;
        for (int i = 0; i < 5; i++) {
            int colon = value.indexOf(':', from);
            if (colon < 0 || !prefix[i].matches(value, from, colon)) return false;
            from = colon + 1;
        }
        Glob g = resourceGlob != null ? resourceGlob : resource.resolveGlob(ctx, false);
        return g != null && g.matches(value, from, value.length());
    }

    @Override
    public String toString() { return raw; }
}
