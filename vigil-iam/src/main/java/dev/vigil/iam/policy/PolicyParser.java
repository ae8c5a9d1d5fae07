package dev.vigil.iam.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.AwsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses, validates and compiles policy documents (IAM JSON policy grammar). Compiling happens once per
 * distinct document: wildcards become {@link Glob}s, conditions become {@link Condition}s, so evaluating
 * a request never parses JSON or builds a regex. Results are cached by (kind, document text).
 * Thread-safe: the cache is a concurrent map and {@link Policy} is immutable.
 */
public final class PolicyParser {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<CacheKey, Policy> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> TOP_FIELDS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_FIELDS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private record CacheKey(PolicyKind kind, String document) {}

    private PolicyParser() {}

    /**
     * @throws AwsException MalformedPolicyDocument (400) with AWS's message when the document is invalid for the kind
     */
    public static Policy parse(String json, PolicyKind kind) {
        CacheKey key = new CacheKey(kind, json);
        Policy cached = CACHE.get(key);
        if (cached != null) return cached;
        Policy policy = new PolicyParser.Run(json, kind).policy();
        if (CACHE.size() >= CACHE_LIMIT) CACHE.clear(); // crude bound: documents are few and re-parsing is cheap
        CACHE.put(key, policy);
        return policy;
    }

    /**
     * Checks a one-document quota first (LimitExceeded before MalformedPolicyDocument), then parses. Inline
     * quotas cover all of an entity's inline policies together: check those with {@link PolicySizeLimit#check}.
     */
    public static Policy parse(String json, PolicyKind kind, PolicySizeLimit limit) {
        limit.check("", json);
        return parse(json, kind);
    }

    /** One parse: walks the JSON tree, failing on the first rule broken, in AWS's checking order. */
    private static final class Run {
        private final String json;
        private final PolicyKind kind;
        private boolean variables;

        Run(String json, PolicyKind kind) {
            this.json = json;
            this.kind = kind;
        }

        Policy policy() {
            JsonNode root = readTree();
            if (!root.isObject()) throw PolicyErrors.syntax(kind);
            checkFields(root, TOP_FIELDS);
            String version = optionalText(root, "Version");
            if (version != null && !version.equals(Policy.VERSION_2012) && !version.equals(Policy.VERSION_2008)) {
                throw PolicyErrors.invalidVersion(kind);
            }
            variables = Policy.VERSION_2012.equals(version);
            String id = optionalText(root, "Id");
            JsonNode statements = root.get("Statement");
            if (statements == null || statements.isNull()) throw PolicyErrors.missingField(kind, "Statement");
            List<JsonNode> list = new ArrayList<>();
            if (statements.isObject()) list.add(statements);
            else if (statements.isArray()) statements.forEach(list::add);
            else throw PolicyErrors.syntax(kind);
            if (list.isEmpty()) throw PolicyErrors.missingField(kind, "Statement");
            List<Statement> compiled = new ArrayList<>();
            Set<String> sids = new HashSet<>();
            for (JsonNode s : list) {
                Statement st = statement(s, compiled.size());
                if (st.sid() != null && !st.sid().isEmpty() && !sids.add(st.sid())) throw PolicyErrors.duplicateSid(kind);
                compiled.add(st);
            }
            return new Policy(json, kind, version, id, compiled);
        }

        private JsonNode readTree() {
            if (json == null || json.isBlank()) throw PolicyErrors.notJson(kind);
            try {
                JsonNode n = JSON.readTree(json);
                if (n == null || n.isMissingNode()) throw PolicyErrors.notJson(kind);
                return n;
            } catch (JsonProcessingException e) {
                throw json.stripLeading().startsWith("{") ? PolicyErrors.syntax(kind) : PolicyErrors.notJson(kind);
            }
        }

        private Statement statement(JsonNode s, int index) {
            if (!s.isObject()) throw PolicyErrors.syntax(kind);
            checkFields(s, STATEMENT_FIELDS);
            String sid = optionalText(s, "Sid");
            if (sid != null && kind != PolicyKind.RESOURCE && !sid.chars().allMatch(PolicyParser::isAlnum)) {
                throw PolicyErrors.invalidSid(kind);
            }
            Effect effect = effect(s);
            PrincipalSpec principal = principal(s);
            boolean notAction = exclusive(s, "Action", "NotAction");
            List<String> actions = actions(s.get(notAction ? "NotAction" : "Action"));
            boolean notResource = exclusive(s, "Resource", "NotResource");
            List<String> resources = resources(s.get(notResource ? "NotResource" : "Resource"), notResource);
            List<Condition> conditions = conditions(s.get("Condition"));
            return new Statement(index, sid, effect, actions, notAction, resources, notResource, principal,
                    s.has("NotPrincipal"), conditions, variables);
        }

        private Effect effect(JsonNode s) {
            JsonNode e = s.get("Effect");
            if (e == null || e.isNull()) throw PolicyErrors.missingField(kind, "Effect");
            if (!e.isTextual()) throw PolicyErrors.syntax(kind);
            Effect effect = Effect.parse(e.textValue());
            if (effect == null) throw PolicyErrors.invalidEffect(kind, e.textValue());
            return effect;
        }

        private PrincipalSpec principal(JsonNode s) {
            boolean not = exclusive(s, "Principal", "NotPrincipal");
            JsonNode p = s.get(not ? "NotPrincipal" : "Principal");
            if (p != null && kind.principalForbidden()) {
                throw kind == PolicyKind.SCP ? PolicyErrors.prohibited(kind, "Principal") : PolicyErrors.principalForbidden(kind);
            }
            if (p == null) {
                if (kind.principalRequired()) throw PolicyErrors.principalMissing(kind);
                return null;
            }
            if (p.isTextual()) {
                if (p.textValue().equals("*")) return PrincipalSpec.anyone();
                throw PolicyErrors.invalidPrincipal(kind, "AWS", p.textValue());
            }
            if (!p.isObject() || p.isEmpty()) throw PolicyErrors.principalMissing(kind);
            List<String> aws = List.of();
            List<String> service = List.of();
            List<String> federated = List.of();
            List<String> canonical = List.of();
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> values = strings(e.getValue());
                if (!PRINCIPAL_TYPES.contains(e.getKey())) {
                    throw PolicyErrors.invalidPrincipal(kind, e.getKey(), values.isEmpty() ? "" : values.get(0));
                }
                for (String v : values) {
                    if (!validPrincipal(e.getKey(), v)) throw PolicyErrors.invalidPrincipal(kind, e.getKey(), v);
                }
                switch (e.getKey()) {
                    case "AWS" -> aws = values;
                    case "Service" -> service = values;
                    case "Federated" -> federated = values;
                    default -> canonical = values;
                }
            }
            return PrincipalSpec.of(aws, service, federated, canonical);
        }

        private List<String> actions(JsonNode node) {
            if (node == null) throw PolicyErrors.missingAction(kind);
            List<String> actions = strings(node);
            if (actions.isEmpty()) throw PolicyErrors.missingAction(kind);
            for (String a : actions) {
                if (a.equals("*")) continue;
                int colon = a.indexOf(':');
                if (colon <= 0) throw PolicyErrors.actionVendor(kind);
                if (a.indexOf(':', colon + 1) >= 0) throw PolicyErrors.actionColons(kind);
                String vendor = a.substring(0, colon);
                if (vendor.indexOf('*') >= 0 || vendor.indexOf('?') >= 0) throw PolicyErrors.actionVendorWildcard(kind);
            }
            return actions;
        }

        private List<String> resources(JsonNode node, boolean not) {
            if (node != null && kind.resourceForbidden()) throw PolicyErrors.prohibited(kind, not ? "NotResource" : "Resource");
            if (node == null) {
                if (kind.resourceRequired()) throw PolicyErrors.missingResource(kind);
                return null;
            }
            List<String> resources = strings(node);
            if (resources.isEmpty()) throw PolicyErrors.missingResource(kind);
            for (String r : resources) {
                if (r.equals("*")) continue;
                String[] parts = r.split(":", 6);
                if (!r.startsWith("arn:") || parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty()) {
                    throw PolicyErrors.invalidResource(kind, r);
                }
            }
            return resources;
        }

        private List<Condition> conditions(JsonNode node) {
            if (node == null) return List.of();
            if (!node.isObject()) throw PolicyErrors.syntax(kind);
            List<Condition> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().isObject()) throw PolicyErrors.syntax(kind);
                OperatorName name = OperatorName.parse(op.getKey());
                if (name == null) throw PolicyErrors.syntax(kind);
                for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                    Map.Entry<String, JsonNode> k = keys.next();
                    if (k.getKey().indexOf(':') <= 0) throw PolicyErrors.conditionVendor(kind);
                    out.add(new Condition(op.getKey(), name.operator(), name.qualifier(), name.ifExists(), k.getKey(),
                            scalars(k.getValue()), variables));
                }
            }
            return out;
        }

        /** Exactly one of the pair may be present: both is a syntax error. True when the Not- form is used. */
        private boolean exclusive(JsonNode s, String field, String notField) {
            if (s.has(field) && s.has(notField)) throw PolicyErrors.syntax(kind);
            return s.has(notField);
        }

        private void checkFields(JsonNode node, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) throw PolicyErrors.unknownField(kind, f);
            }
        }

        private String optionalText(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null) return null;
            if (!v.isTextual()) throw PolicyErrors.syntax(kind);
            return v.textValue();
        }

        /** A string or an array of strings. */
        private List<String> strings(JsonNode node) {
            List<String> out = new ArrayList<>();
            if (node.isTextual()) out.add(node.textValue());
            else if (node.isArray()) {
                for (JsonNode n : node) {
                    if (!n.isTextual()) throw PolicyErrors.syntax(kind);
                    out.add(n.textValue());
                }
            } else {
                throw PolicyErrors.syntax(kind);
            }
            return out;
        }

        /** Condition values: strings, numbers or booleans, alone or in an array. */
        private List<String> scalars(JsonNode node) {
            List<String> out = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode n : node) out.add(scalar(n));
            } else {
                out.add(scalar(node));
            }
            return out;
        }

        private String scalar(JsonNode n) {
            if (n.isTextual()) return n.textValue();
            if (n.isNumber() || n.isBoolean()) return n.asText();
            throw PolicyErrors.syntax(kind);
        }
    }

    /** The principal forms AWS accepts; partial wildcards are never allowed ("You cannot use a wildcard to match
     * part of a principal name or ARN"). */
    private static boolean validPrincipal(String type, String v) {
        if (v.isEmpty() || v.chars().anyMatch(Character::isWhitespace)) return false;
        if (v.equals("*")) return true;
        if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0) return false;
        return switch (type) {
            case "AWS" -> PrincipalSpec.isAccountId(v) || validPrincipalArn(v) || validUniqueId(v);
            case "CanonicalUser" -> v.chars().allMatch(PolicyParser::isAlnum);
            default -> true;
        };
    }

    private static boolean validPrincipalArn(String v) {
        String[] p = v.split(":", 6);
        if (p.length != 6 || !p[0].equals("arn") || p[1].isEmpty() || !p[3].isEmpty() || !PrincipalSpec.isAccountId(p[4])) {
            return false;
        }
        String r = p[5];
        if (p[2].equals("iam")) return r.equals("root") || r.startsWith("user/") || r.startsWith("role/");
        if (p[2].equals("sts")) {
            return (r.startsWith("assumed-role/") && r.indexOf('/', 13) > 13) || r.startsWith("federated-user/");
        }
        return false;
    }

    /** Unique ids IAM stores in place of deleted users and roles (AIDA..., AROA...). */
    private static boolean validUniqueId(String v) {
        return v.length() >= 16 && (v.startsWith("AIDA") || v.startsWith("AROA")) && v.chars().allMatch(PolicyParser::isAlnum);
    }

    private static boolean isAlnum(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** "ForAnyValue:StringLikeIfExists" split into its parts. */
    private record OperatorName(ConditionOperator operator, Condition.Qualifier qualifier, boolean ifExists) {
        static OperatorName parse(String text) {
            String rest = text;
            Condition.Qualifier q = Condition.Qualifier.NONE;
            int colon = rest.indexOf(':');
            if (colon >= 0) {
                String prefix = rest.substring(0, colon);
                if (prefix.equalsIgnoreCase("ForAllValues")) q = Condition.Qualifier.FOR_ALL_VALUES;
                else if (prefix.equalsIgnoreCase("ForAnyValue")) q = Condition.Qualifier.FOR_ANY_VALUE;
                else return null;
                rest = rest.substring(colon + 1);
            }
            boolean ifExists = false;
            ConditionOperator op = ConditionOperator.byName(rest);
            if (op == null && rest.length() > 8 && rest.regionMatches(true, rest.length() - 8, "IfExists", 0, 8)) {
                op = ConditionOperator.byName(rest.substring(0, rest.length() - 8));
                ifExists = true;
            }
            if (op == null || (op == ConditionOperator.NULL && (ifExists || q != Condition.Qualifier.NONE))) return null;
            return new OperatorName(op, q, ifExists);
        }
    }
}
