package dev.vigil.iam.iam;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import dev.vigil.iam.authz.PrincipalPolicies.PolicySet;
import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.AuthorizationRequest;
import dev.vigil.iam.policy.ConditionContext;
import dev.vigil.iam.policy.Decision;
import dev.vigil.iam.policy.Effect;
import dev.vigil.iam.policy.MatchedStatement;
import dev.vigil.iam.policy.PolicyEngine;
import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.PolicyParser;
import dev.vigil.iam.policy.PolicyType;
import dev.vigil.iam.policy.RequestPrincipal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.OrganizationsDecisionDetail;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryDecisionDetail;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * The IAM policy simulator (SimulatePrincipalPolicy, SimulateCustomPolicy, GetContextKeysFor*Policy): every
 * action/resource pair is decided by the same {@link PolicyEngine} the authorizer uses, over the principal's
 * identity policies as {@link IamPrincipalPolicies} gathers them (user, its groups; role), its permissions
 * boundary, and the PolicyInputList, PermissionsBoundaryPolicyInputList and ResourcePolicy inputs.
 * <p>Context: SimulateCustomPolicy uses only ContextEntries. SimulatePrincipalPolicy also supplies the keys
 * IAM knows about the principal (aws:username, aws:userid, aws:PrincipalArn, aws:PrincipalAccount,
 * aws:PrincipalType, aws:PrincipalTag/*); ContextEntries override them. No Organizations SCPs are simulated
 * (AllowedByOrganizations is always true). Thread-safe (stateless over thread-safe stores).
 */
public final class SimulatorProvider {
    static final int DEFAULT_MAX_ITEMS = 100;
    private static final String SIMULATED_SESSION = "SimulatedSession";

    private final IamStores stores;
    private final Clock clock;
    private final PolicyEngine engine = new PolicyEngine();

    public SimulatorProvider(IamStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** A policy in the simulation, with the SourcePolicyId/SourcePolicyType the simulator reports for it. */
    record Source(AttachedPolicy attached, String sourceId, PolicySourceType type, SimulatedStatements statements) {
        static Source of(AttachedPolicy attached, String sourceId, PolicySourceType type) {
            return new Source(attached, sourceId, type, SimulatedStatements.of(attached.policy().document()));
        }
    }

    /** The principal side of a simulation: who is simulated, and its identity policies and boundary. */
    private record Subject(RequestPrincipal principal, List<Source> identity, Source boundary) {}

    public SimulatePrincipalPolicyResponse simulatePrincipalPolicy(RequestContext ctx, SimulatePrincipalPolicyRequest req) {
        Subject s = subject(ctx.accountId(), req.policySourceArn());
        List<Source> identity = new ArrayList<>(s.identity());
        identity.addAll(inputs(req.policyInputList(), "PolicyInputList", PolicyKind.IDENTITY));
        Source boundary = s.boundary();
        List<Source> boundaries = inputs(req.permissionsBoundaryPolicyInputList(), "PermissionsBoundaryPolicyInputList",
                PolicyKind.BOUNDARY);
        if (!boundaries.isEmpty()) boundary = single(boundaries);
        RequestPrincipal caller = req.callerArn() == null ? s.principal() : callerPrincipal(ctx.accountId(), req.callerArn());
        ConditionContext.Builder c = ConditionContext.builder().principal(s.principal());
        ConditionContext context = context(c, req.contextEntries());
        Page page = simulate(caller, identity, boundary, resourcePolicy(req.resourcePolicy()),
                resourceAccount(req.resourceOwner()), req.actionNames(), req.resourceArns(), context, req.marker(),
                req.maxItems());
        return SimulatePrincipalPolicyResponse.builder().evaluationResults(page.results()).isTruncated(page.marker() != null)
                .marker(page.marker()).build();
    }

    public SimulateCustomPolicyResponse simulateCustomPolicy(RequestContext ctx, SimulateCustomPolicyRequest req) {
        List<Source> identity = inputs(req.policyInputList(), "PolicyInputList", PolicyKind.IDENTITY);
        if (identity.isEmpty()) throw invalid("PolicyInputList must contain at least one policy.");
        List<Source> boundaries = inputs(req.permissionsBoundaryPolicyInputList(), "PermissionsBoundaryPolicyInputList",
                PolicyKind.BOUNDARY);
        Source boundary = boundaries.isEmpty() ? null : single(boundaries);
        RequestPrincipal caller = req.callerArn() == null
                ? RequestPrincipal.user(ctx.accountId(), "/", "SimulatedUser",
                        syntheticUserId("SimulatedUser@" + ctx.accountId()), Map.of())
                : callerPrincipal(ctx.accountId(), req.callerArn());
        ConditionContext context = context(ConditionContext.builder(), req.contextEntries());
        Page page = simulate(caller, identity, boundary, resourcePolicy(req.resourcePolicy()),
                resourceAccount(req.resourceOwner()), req.actionNames(), req.resourceArns(), context, req.marker(),
                req.maxItems());
        return SimulateCustomPolicyResponse.builder().evaluationResults(page.results()).isTruncated(page.marker() != null)
                .marker(page.marker()).build();
    }

    public GetContextKeysForPrincipalPolicyResponse getContextKeysForPrincipalPolicy(
            RequestContext ctx, GetContextKeysForPrincipalPolicyRequest req) {
        Subject s = subject(ctx.accountId(), req.policySourceArn());
        List<Source> all = new ArrayList<>(s.identity());
        if (s.boundary() != null) all.add(s.boundary());
        all.addAll(inputs(req.policyInputList(), "PolicyInputList", PolicyKind.IDENTITY));
        return GetContextKeysForPrincipalPolicyResponse.builder().contextKeyNames(contextKeys(all)).build();
    }

    public GetContextKeysForCustomPolicyResponse getContextKeysForCustomPolicy(
            RequestContext ctx, GetContextKeysForCustomPolicyRequest req) {
        List<Source> all = inputs(req.policyInputList(), "PolicyInputList", PolicyKind.IDENTITY);
        if (all.isEmpty()) throw invalid("PolicyInputList must contain at least one policy.");
        return GetContextKeysForCustomPolicyResponse.builder().contextKeyNames(contextKeys(all)).build();
    }

    // ---- evaluation ----

    private record Page(List<EvaluationResult> results, String marker) {}

    private Page simulate(RequestPrincipal caller, List<Source> identity, Source boundary, Source resourcePolicy,
                          String resourceAccount, List<String> actions, List<String> resourceArns,
                          ConditionContext context, String marker, Integer maxItems) {
        if (actions == null || actions.isEmpty()) throw invalid("ActionNames must contain at least one action.");
        boolean perResource = resourceArns != null && !resourceArns.isEmpty();
        List<String> resources = perResource ? resourceArns : List.of("*");
        int max = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        if (max < 1 || max > 1000) throw invalid("MaxItems must be between 1 and 1000.");
        int from = offset(marker);
        Map<String, Source> byId = new HashMap<>();
        List<AttachedPolicy> identityPolicies = new ArrayList<>();
        for (Source s : identity) {
            byId.put(s.attached().id(), s);
            identityPolicies.add(s.attached());
        }
        if (boundary != null) byId.put(boundary.attached().id(), boundary);
        if (resourcePolicy != null) byId.put(resourcePolicy.attached().id(), resourcePolicy);
        List<Source> all = new ArrayList<>(identity);
        if (boundary != null) all.add(boundary);
        if (resourcePolicy != null) all.add(resourcePolicy);

        int total = actions.size() * resources.size();
        List<EvaluationResult> out = new ArrayList<>();
        for (int i = from; i < total && out.size() < max; i++) {
            String action = actions.get(i / resources.size());
            String resource = resources.get(i % resources.size());
            if (action == null || action.isBlank()) throw invalid("Action names must not be empty.");
            AuthorizationRequest request = AuthorizationRequest.builder().principal(caller).action(action)
                    .resource(resource).resourceAccount(resourceAccount).identityPolicies(identityPolicies)
                    .resourcePolicy(resourcePolicy == null ? null : resourcePolicy.attached())
                    .permissionsBoundary(boundary == null ? null : boundary.attached()).context(context).build();
            Decision d = engine.evaluate(request);
            PolicyEvaluationDecisionType decision = decisionType(d);
            List<Statement> matched = statements(d, byId);
            List<String> missing = missing(all, action, context);
            PermissionsBoundaryDecisionDetail pb = boundary == null ? null : PermissionsBoundaryDecisionDetail.builder()
                    .allowedByPermissionsBoundary(allowedByBoundary(d)).build();
            EvaluationResult.Builder r = EvaluationResult.builder().evalActionName(action).evalResourceName(resource)
                    .evalDecision(decision).matchedStatements(matched).missingContextValues(missing)
                    .organizationsDecisionDetail(OrganizationsDecisionDetail.builder().allowedByOrganizations(true).build())
                    .permissionsBoundaryDecisionDetail(pb);
            if (perResource) {
                r.resourceSpecificResults(ResourceSpecificResult.builder().evalResourceName(resource)
                        .evalResourceDecision(decision).matchedStatements(matched).missingContextValues(missing)
                        .permissionsBoundaryDecisionDetail(pb).build());
            }
            out.add(r.build());
        }
        int next = from + out.size();
        return new Page(out, next < total ? Integer.toString(next) : null);
    }

    private static int offset(String marker) {
        if (marker == null || marker.isEmpty()) return 0;
        try {
            int n = Integer.parseInt(marker);
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw invalid("Invalid Marker.");
    }

    static PolicyEvaluationDecisionType decisionType(Decision d) {
        return switch (d.outcome()) {
            case ALLOWED -> PolicyEvaluationDecisionType.ALLOWED;
            case EXPLICIT_DENY -> PolicyEvaluationDecisionType.EXPLICIT_DENY;
            case IMPLICIT_DENY -> PolicyEvaluationDecisionType.IMPLICIT_DENY;
        };
    }

    private static boolean allowedByBoundary(Decision d) {
        boolean allow = false;
        for (MatchedStatement m : d.matchedStatements()) {
            if (m.type() != PolicyType.BOUNDARY) continue;
            if (m.effect() == Effect.DENY) return false;
            allow = true;
        }
        return allow;
    }

    private static List<Statement> statements(Decision d, Map<String, Source> byId) {
        List<Statement> out = new ArrayList<>();
        for (MatchedStatement m : d.matchedStatements()) {
            Source s = byId.get(m.policyId());
            if (s == null) continue;
            Statement.Builder b = Statement.builder().sourcePolicyId(s.sourceId()).sourcePolicyType(s.type());
            SimulatedStatements.Entry e = s.statements().at(m.statementIndex());
            if (e != null) {
                b.startPosition(Position.builder().line(e.startLine()).column(e.startColumn()).build())
                        .endPosition(Position.builder().line(e.endLine()).column(e.endColumn()).build());
            }
            out.add(b.build());
        }
        return out;
    }

    /** Context keys read by the statements that cover the action and absent from the context. */
    private static List<String> missing(List<Source> sources, String action, ConditionContext context) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Source s : sources) {
            for (SimulatedStatements.Entry e : s.statements().entries()) {
                if (!e.coversAction(action)) continue;
                for (String k : e.contextKeys()) {
                    if (!context.contains(k)) out.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static List<String> contextKeys(List<Source> sources) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Source s : sources) {
            for (String k : s.attached().policy().contextKeys()) out.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
        }
        return List.copyOf(out.values());
    }

    // ---- inputs ----

    private static List<Source> inputs(List<String> documents, String label, PolicyKind kind) {
        List<Source> out = new ArrayList<>();
        if (documents == null) return out;
        for (int i = 0; i < documents.size(); i++) {
            String id = label + "." + (i + 1);
            out.add(Source.of(new AttachedPolicy(id, parse(documents.get(i), kind)), id, PolicySourceType.NONE));
        }
        return out;
    }

    private static Source single(List<Source> boundaries) {
        if (boundaries.size() > 1) throw invalid("PermissionsBoundaryPolicyInputList may contain only one policy.");
        return boundaries.get(0);
    }

    private static Source resourcePolicy(String document) {
        if (document == null) return null;
        return Source.of(new AttachedPolicy("ResourcePolicy", parse(document, PolicyKind.RESOURCE)), "ResourcePolicy",
                PolicySourceType.RESOURCE);
    }

    private static dev.vigil.iam.policy.Policy parse(String document, PolicyKind kind) {
        if (document == null || document.isBlank()) throw invalid("Policy documents must not be empty.");
        try {
            return PolicyParser.parse(document, kind);
        } catch (AwsException e) {
            throw invalid(e.getMessage());
        }
    }

    /** ResourceOwner: an account root ARN ("arn:aws:iam::123456789012:root") or an account id; null is the caller's. */
    private static String resourceAccount(String owner) {
        if (owner == null || owner.isEmpty()) return null;
        if (owner.matches("\\d{12}")) return owner;
        try {
            String account = Arn.parse(owner).accountId();
            if (account != null && account.matches("\\d{12}")) return account;
        } catch (IllegalArgumentException ignored) {
            // fall through
        }
        throw invalid("ResourceOwner " + owner + " is not a valid account ARN.");
    }

    /** CallerArn: an IAM user ARN (the simulator accepts nothing else). */
    private RequestPrincipal callerPrincipal(String accountId, String callerArn) {
        Arn arn;
        try {
            arn = Arn.parse(callerArn);
        } catch (IllegalArgumentException e) {
            throw invalid("CallerArn " + callerArn + " is not a valid IAM user ARN.");
        }
        if (!arn.service().equals("iam") || !arn.resource().startsWith("user/")) {
            throw invalid("CallerArn " + callerArn + " is not a valid IAM user ARN.");
        }
        String resource = arn.resource();
        int slash = resource.lastIndexOf('/');
        String name = resource.substring(slash + 1);
        String path = resource.substring("user".length(), slash + 1);
        String userId = null;
        if (stores != null && arn.accountId().equals(accountId)) {
            userId = stores.users().find(accountId, name).filter(u -> u.arn().equals(callerArn))
                    .map(IamUser::userId).orElse(null);
        }
        if (userId == null) userId = syntheticUserId(arn.toString());
        return RequestPrincipal.user(arn.accountId(), path, name, userId, Map.of());
    }

    /** A stable AIDA... unique id for a simulated caller IAM does not hold (unique ids of real users never collide). */
    static String syntheticUserId(String seed) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder sb = new StringBuilder("AIDA");
        long h = seed.hashCode() * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 17; i++) {
            sb.append(alphabet.charAt((int) (h & 31)));
            h = Long.rotateRight(h, 5) ^ (i * 0x632BE59BD9B4E019L);
        }
        return sb.toString();
    }

    private static ConditionContext context(ConditionContext.Builder b, List<ContextEntry> entries) {
        if (entries == null) return b.build();
        for (ContextEntry e : entries) {
            String name = e.contextKeyName();
            if (name == null || name.isBlank()) throw invalid("ContextKeyName must not be empty.");
            List<String> values = e.contextKeyValues() == null ? List.of() : e.contextKeyValues();
            String type = e.contextKeyTypeAsString();
            if (type != null) checkValues(name, type, values);
            b.put(name, values);
        }
        return b.build();
    }

    private static void checkValues(String key, String type, List<String> values) {
        if (!type.endsWith("List") && values.size() > 1) {
            throw invalid("Context key " + key + " of type " + type + " takes a single value.");
        }
        for (String v : values) {
            boolean ok = switch (type.replace("List", "")) {
                case "numeric" -> isNumber(v);
                case "boolean" -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
                case "string", "date", "ip", "binary" -> v != null;
                default -> throw invalid("ContextKeyType " + type + " is not valid.");
            };
            if (!ok) throw invalid("Value " + v + " of context key " + key + " is not a valid " + type + ".");
        }
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    // ---- principals ----

    private Subject subject(String accountId, String sourceArn) {
        if (sourceArn == null || sourceArn.isEmpty()) throw invalid("PolicySourceArn is required.");
        Arn arn;
        try {
            arn = Arn.parse(sourceArn);
        } catch (IllegalArgumentException e) {
            throw invalid("ARN " + sourceArn + " is not valid.");
        }
        String resource = arn.resource();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (!arn.service().equals("iam") || name.isEmpty()) throw invalid("ARN " + sourceArn + " is not valid.");
        IamPrincipalPolicies gather = new IamPrincipalPolicies(stores, clock); // fresh: no stale cache
        if (resource.startsWith("user/")) {
            IamUser u = own(stores.users().find(accountId, name).orElse(null), sourceArn, EntityKind.USER, name,
                    accountId, arn);
            PolicySet set = gather.user(accountId, u.userName()).orElseThrow(() -> IamErrors.noSuch(EntityKind.USER, name));
            RequestPrincipal p = RequestPrincipal.user(accountId, u.path(), u.userName(), u.userId(), set.tags());
            return new Subject(p, sources(set.identity()), boundarySource(set.boundary()));
        }
        if (resource.startsWith("role/")) {
            IamRole r = own(stores.roles().find(accountId, name).orElse(null), sourceArn, EntityKind.ROLE, name,
                    accountId, arn);
            PolicySet set = gather.role(accountId, r.roleName()).orElseThrow(() -> IamErrors.noSuch(EntityKind.ROLE, name));
            RequestPrincipal p = RequestPrincipal.roleSession(r.arn(), r.roleId(), SIMULATED_SESSION, set.tags());
            return new Subject(p, sources(set.identity()), boundarySource(set.boundary()));
        }
        if (resource.startsWith("group/")) {
            IamGroup g = own(stores.groups().find(accountId, name).orElse(null), sourceArn, EntityKind.GROUP, name,
                    accountId, arn);
            List<AttachedPolicy> policies = new ArrayList<>();
            for (String policyArn : stores.attachments().attached(accountId, EntityKind.GROUP, g.groupId())) {
                document(accountId, policyArn).ifPresent(doc ->
                        policies.add(AttachedPolicy.of(policyArn, doc, PolicyKind.IDENTITY)));
            }
            stores.inline().all(accountId, EntityKind.GROUP, g.groupId()).forEach((policyName, doc) ->
                    policies.add(AttachedPolicy.of(g.arn() + "#" + policyName, doc, PolicyKind.IDENTITY)));
            RequestPrincipal p = new RequestPrincipal(g.arn(), accountId, PrincipalType.IAM_USER, null, g.groupId(),
                    null, Map.of(), false, false, null, null);
            return new Subject(p, sources(policies), null);
        }
        throw invalid("PolicySourceArn " + sourceArn + " must be the ARN of a user, group or role.");
    }

    private static <T> T own(T entity, String sourceArn, EntityKind kind, String name, String accountId, Arn arn) {
        String actual = entity instanceof IamUser u ? u.arn() : entity instanceof IamRole r ? r.arn()
                : entity instanceof IamGroup g ? g.arn() : null;
        if (entity == null || !arn.accountId().equals(accountId) || !actual.equals(sourceArn)) {
            throw IamErrors.noSuch(kind, name);
        }
        return entity;
    }

    private java.util.Optional<String> document(String accountId, String policyArn) {
        if (AwsManagedPolicies.isAwsArn(policyArn)) {
            return stores.awsPolicies().find(policyArn).map(e -> e.version().document());
        }
        return stores.policy(accountId, policyArn).flatMap(p ->
                stores.policies().version(accountId, p.policyId(), p.defaultVersionId()).map(PolicyVersion::document));
    }

    /** Ids from IamPrincipalPolicies: a managed policy ARN, or "entityArn#inlineName". */
    private static List<Source> sources(List<AttachedPolicy> policies) {
        List<Source> out = new ArrayList<>();
        for (AttachedPolicy ap : policies) {
            String id = ap.id();
            int hash = id.indexOf('#');
            if (hash < 0) {
                out.add(Source.of(ap, id, managedType(id)));
                continue;
            }
            String entity = Arn.parse(id.substring(0, hash)).resource();
            PolicySourceType type = entity.startsWith("group/") ? PolicySourceType.GROUP
                    : entity.startsWith("role/") ? PolicySourceType.ROLE : PolicySourceType.USER;
            out.add(Source.of(ap, id.substring(hash + 1), type));
        }
        return out;
    }

    private static Source boundarySource(AttachedPolicy boundary) {
        return boundary == null ? null : Source.of(boundary, boundary.id(), managedType(boundary.id()));
    }

    private static PolicySourceType managedType(String arn) {
        return AwsManagedPolicies.isAwsArn(arn) ? PolicySourceType.AWS_MANAGED : PolicySourceType.USER_MANAGED;
    }

    private static AwsException invalid(String message) {
        return new AwsException(IamErrors.INVALID_INPUT, 400, message);
    }
}
