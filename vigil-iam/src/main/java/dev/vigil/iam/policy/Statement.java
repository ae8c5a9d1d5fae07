package dev.vigil.iam.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * One compiled policy statement. A statement applies to a request when its action element, resource
 * element, principal element (resource-based policies) and every condition match (IAM JSON policy
 * elements reference: Action/NotAction, Resource/NotResource, Principal/NotPrincipal, Condition).
 * Immutable, thread-safe.
 */
public final class Statement {
    private final int index;
    private final String sid;
    private final Effect effect;
    private final Glob[] actions;
    private final boolean notAction;
    private final ArnPattern[] resources;   // null: no Resource element (trust and some resource policies)
    private final boolean notResource;
    private final PrincipalSpec principal;  // null: no Principal element
    private final boolean notPrincipal;
    private final Condition[] conditions;

    Statement(int index, String sid, Effect effect, List<String> actions, boolean notAction, List<String> resources,
              boolean notResource, PrincipalSpec principal, boolean notPrincipal, List<Condition> conditions,
              boolean variablesEnabled) {
        this.index = index;
        this.sid = sid;
        this.effect = effect;
        this.actions = actions.stream().map(a -> Glob.of(a, true)).toArray(Glob[]::new);
        this.notAction = notAction;
        this.resources = resources == null ? null
                : resources.stream().map(r -> ArnPattern.compile(r, variablesEnabled)).toArray(ArnPattern[]::new);
        this.notResource = notResource;
        this.principal = principal;
        this.notPrincipal = notPrincipal;
        this.conditions = conditions.toArray(new Condition[0]);
    }

    /** Zero-based position in the policy's Statement array. */
    public int index() { return index; }

    /** The Sid, or null. */
    public String sid() { return sid; }

    public Effect effect() { return effect; }

    public boolean hasPrincipal() { return principal != null; }

    public List<Condition> conditions() { return List.of(conditions); }

    /** Action matching is case-insensitive ("iam:getuser" is iam:GetUser); {@code *} and {@code ?} are wildcards. */
    boolean matchesAction(String action) {
        boolean hit = false;
        for (Glob g : actions) {
            if (g.matches(action)) {
                hit = true;
                break;
            }
        }
        return hit != notAction;
    }

    /**
     * Resource matching is case-sensitive and per ARN component. A pattern whose policy variable has no value
     * matches nothing; in a NotResource element such a pattern makes the whole element not match.
     */
    boolean matchesResource(String resource, ConditionContext ctx) {
        if (resources == null) return true;
        for (ArnPattern p : resources) {
            if (p.matches(resource, ctx)) return !notResource;
            if (notResource && !resolvable(p, ctx)) return false;
        }
        return notResource;
    }

    private static boolean resolvable(ArnPattern p, ConditionContext ctx) {
        Template t = p.resourceTemplate();
        return t == null || t.isConstant() || t.resolve(ctx) != null;
    }

    /** How the Principal/NotPrincipal element names the caller; DIRECT when there is no such element. */
    PrincipalSpec.Match principalMatch(RequestPrincipal p) {
        if (principal == null) return PrincipalSpec.Match.DIRECT;
        if (notPrincipal) return principal.excludes(p) ? PrincipalSpec.Match.NONE : PrincipalSpec.Match.DIRECT;
        return principal.match(p);
    }

    /** Condition blocks: every operator and every key must hold (logical AND). */
    boolean conditionsHold(ConditionContext ctx) {
        for (Condition c : conditions) if (!c.test(ctx)) return false;
        return true;
    }

    /** Context keys this statement reads: condition keys and policy variables. */
    List<String> contextKeys() {
        List<String> keys = new ArrayList<>();
        for (Condition c : conditions) {
            keys.add(c.key());
            keys.addAll(c.variableKeys());
        }
        if (resources != null) {
            for (ArnPattern p : resources) if (p.resourceTemplate() != null) keys.addAll(p.resourceTemplate().variableKeys());
        }
        return keys;
    }

    @Override
    public String toString() {
        return "Statement[" + index + (sid == null ? "" : " " + sid) + " " + effect.awsName() + "]";
    }
}
