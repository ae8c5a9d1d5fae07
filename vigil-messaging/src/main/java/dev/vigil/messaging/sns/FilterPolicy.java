package dev.vigil.messaging.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.AwsException;
import dev.vigil.messaging.Json;
import dev.vigil.messaging.MessageAttribute;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A subscription filter policy (SNS "Subscription filter policies"): every key must match (AND), any
 * condition of a key may (OR); exact strings and numbers, {@code prefix}, {@code suffix},
 * {@code equals-ignore-case}, {@code anything-but} (values, or a prefix/suffix), {@code numeric} ranges,
 * {@code exists}, {@code cidr}, and {@code $or} of sub-policies. Scope MessageAttributes matches message
 * attributes (String, Number, String.Array); scope MessageBody matches the JSON body, nested keys included.
 * Immutable.
 */
public final class FilterPolicy {
    static final int MAX_KEYS = 5;
    static final int MAX_COMBINATIONS = 150;
    private static final Set<String> OPERATORS = Set.of("prefix", "suffix", "equals-ignore-case", "anything-but",
            "numeric", "exists", "cidr");

    private final JsonNode policy;
    private final boolean bodyScope;

    private FilterPolicy(JsonNode policy, boolean bodyScope) {
        this.policy = policy;
        this.bodyScope = bodyScope;
    }

    /** @throws AwsException InvalidParameter with AWS's wording when the policy is not valid */
    public static FilterPolicy parse(String json, boolean bodyScope) {
        JsonNode node = Json.tryParse(json);
        if (node == null) throw invalid("failed to parse JSON.");
        if (!node.isObject()) throw invalid("Filter policy must be a JSON object.");
        int keys = countKeys(node, bodyScope, 0);
        if (keys > MAX_KEYS) throw invalid("Filter policy can not have more than " + MAX_KEYS + " keys");
        if (combinations(node) > MAX_COMBINATIONS) throw invalid("Filter policy is too complex");
        return new FilterPolicy(node, bodyScope);
    }

    private static AwsException invalid(String why) {
        return AwsException.badRequest(SnsErrors.INVALID_PARAMETER, "Invalid parameter: FilterPolicy: " + why);
    }

    private static int countKeys(JsonNode node, boolean bodyScope, int depth) {
        int keys = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (e.getKey().equals("$or")) {
                if (!v.isArray() || v.size() < 2) throw invalid("$or must be an array of at least two filter policies");
                int most = 0;
                for (JsonNode alt : v) {
                    if (!alt.isObject()) throw invalid("$or must be an array of at least two filter policies");
                    most = Math.max(most, countKeys(alt, bodyScope, depth));
                }
                keys += most;
            } else if (v.isObject()) {
                if (!bodyScope) throw invalid("Filter policy scope MessageAttributes does not support nested filter policy");
                keys += countKeys(v, true, depth + 1);
            } else if (v.isArray()) {
                if (v.isEmpty()) throw invalid("Empty arrays are not allowed");
                for (JsonNode rule : v) checkRule(rule);
                keys++;
            } else {
                throw invalid("\"" + e.getKey() + "\" must be an object or an array");
            }
        }
        return keys;
    }

    private static void checkRule(JsonNode rule) {
        if (rule.isValueNode()) return;
        if (!rule.isObject() || rule.size() != 1) throw invalid("Match value must be String, number, true, false, or null");
        String op = rule.fieldNames().next();
        if (!OPERATORS.contains(op)) throw invalid("Unrecognized match type " + op);
        JsonNode arg = rule.get(op);
        switch (op) {
            case "prefix", "suffix", "equals-ignore-case", "cidr" -> {
                if (!arg.isTextual()) throw invalid(op + " match pattern must be a string");
            }
            case "exists" -> {
                if (!arg.isBoolean()) throw invalid("exists match pattern must be either true or false.");
            }
            case "numeric" -> {
                if (!arg.isArray() || arg.isEmpty() || arg.size() % 2 != 0 || arg.size() > 4) {
                    throw invalid("Value of numeric must be an array.");
                }
                for (int i = 0; i < arg.size(); i += 2) {
                    if (!Set.of("=", "<", "<=", ">", ">=").contains(arg.get(i).asText()) || !arg.get(i + 1).isNumber()) {
                        throw invalid("Unrecognized numeric range operator: " + arg.get(i).asText());
                    }
                }
            }
            default -> { }
        }
    }

    private static long combinations(JsonNode node) {
        long total = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (e.getKey().equals("$or")) {
                long sum = 0;
                for (JsonNode alt : v) sum += combinations(alt);
                total *= Math.max(1, sum);
            } else if (v.isObject()) {
                total *= combinations(v);
            } else {
                total *= Math.max(1, v.size());
            }
        }
        return total;
    }

    public boolean bodyScope() { return bodyScope; }

    /** Matches message attributes (scope MessageAttributes). */
    public boolean matchesAttributes(Map<String, MessageAttribute> attributes) {
        return matchObject(policy, key -> attributeValues(attributes.get(key)));
    }

    /** Matches a message body (scope MessageBody); a body that is not a JSON object matches nothing. */
    public boolean matchesBody(String body) {
        JsonNode doc = Json.tryParse(body);
        if (doc == null || !doc.isObject()) return false;
        return matchNode(policy, doc);
    }

    /** The values at a key: null when the key is absent, else the scalar values (arrays flattened). */
    @FunctionalInterface
    private interface Lookup {
        List<JsonNode> values(String key);
    }

    private boolean matchObject(JsonNode p, Lookup lookup) {
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("$or")) {
                boolean any = false;
                for (JsonNode alt : e.getValue()) any |= matchObject(alt, lookup);
                if (!any) return false;
            } else if (!matchRules(e.getValue(), lookup.values(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private boolean matchNode(JsonNode p, JsonNode doc) {
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode cond = e.getValue();
            if (key.equals("$or")) {
                boolean any = false;
                for (JsonNode alt : cond) any |= matchNode(alt, doc);
                if (!any) return false;
            } else if (cond.isObject()) {
                JsonNode child = doc.get(key);
                if (child == null) {
                    if (!matchMissingNested(cond)) return false;
                } else if (child.isArray()) {
                    boolean any = false;
                    for (JsonNode el : child) any |= el.isObject() && matchNode(cond, el);
                    if (!any) return false;
                } else if (!child.isObject() || !matchNode(cond, child)) {
                    return false;
                }
            } else if (!matchRules(cond, bodyValues(doc.get(key)))) {
                return false;
            }
        }
        return true;
    }

    /** A nested policy under an absent key matches only if all its leaves accept absence. */
    private boolean matchMissingNested(JsonNode cond) {
        return matchNode(cond, Json.MAPPER.createObjectNode());
    }

    private static List<JsonNode> bodyValues(JsonNode node) {
        if (node == null) return null;
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode el : node) if (el.isValueNode()) out.add(el);
        } else if (node.isValueNode()) {
            out.add(node);
        }
        return out;
    }

    private static List<JsonNode> attributeValues(MessageAttribute a) {
        if (a == null) return null;
        List<JsonNode> out = new ArrayList<>();
        switch (a.baseType()) {
            case "Number" -> {
                try {
                    out.add(Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(a.stringValue().trim())));
                } catch (NumberFormatException e) {
                    // not a number: present, matches nothing but exists
                }
            }
            case "String" -> {
                if (a.dataType().equals("String.Array")) {
                    JsonNode arr = Json.tryParse(a.stringValue());
                    if (arr != null && arr.isArray()) {
                        for (JsonNode el : arr) if (el.isValueNode()) out.add(el);
                    }
                } else {
                    out.add(Json.MAPPER.getNodeFactory().textNode(a.stringValue()));
                }
            }
            default -> { } // Binary attributes are not matched
        }
        return out;
    }

    private static boolean matchRules(JsonNode rules, List<JsonNode> values) {
        for (JsonNode rule : rules) if (matchRule(rule, values)) return true;
        return false;
    }

    private static boolean matchRule(JsonNode rule, List<JsonNode> values) {
        if (rule.isObject()) {
            String op = rule.fieldNames().next();
            JsonNode arg = rule.get(op);
            if (op.equals("exists")) return arg.asBoolean() == (values != null);
            if (values == null) return false;
            return switch (op) {
                case "prefix" -> values.stream().anyMatch(v -> v.isTextual() && v.asText().startsWith(arg.asText()));
                case "suffix" -> values.stream().anyMatch(v -> v.isTextual() && v.asText().endsWith(arg.asText()));
                case "equals-ignore-case" -> values.stream().anyMatch(v -> v.isTextual()
                        && v.asText().toLowerCase(Locale.ROOT).equals(arg.asText().toLowerCase(Locale.ROOT)));
                case "numeric" -> values.stream().anyMatch(v -> v.isNumber() && numeric(arg, v.decimalValue()));
                case "cidr" -> values.stream().anyMatch(v -> v.isTextual() && Cidr.contains(arg.asText(), v.asText()));
                case "anything-but" -> !values.isEmpty() && values.stream().anyMatch(v -> !excluded(arg, v));
                default -> false;
            };
        }
        if (values == null) return false;
        return values.stream().anyMatch(v -> scalarEquals(rule, v));
    }

    private static boolean excluded(JsonNode arg, JsonNode v) {
        if (arg.isArray()) {
            for (JsonNode a : arg) if (scalarEquals(a, v)) return true;
            return false;
        }
        if (arg.isObject()) {
            String op = arg.fieldNames().next();
            String p = arg.get(op).asText();
            if (!v.isTextual()) return false;
            return switch (op) {
                case "prefix" -> v.asText().startsWith(p);
                case "suffix" -> v.asText().endsWith(p);
                case "equals-ignore-case" -> v.asText().equalsIgnoreCase(p);
                default -> false;
            };
        }
        return scalarEquals(arg, v);
    }

    private static boolean scalarEquals(JsonNode rule, JsonNode v) {
        if (rule.isNumber()) return v.isNumber() && rule.decimalValue().compareTo(v.decimalValue()) == 0;
        if (rule.isTextual()) return v.isTextual() && rule.asText().equals(v.asText());
        if (rule.isBoolean()) return v.isBoolean() && rule.asBoolean() == v.asBoolean();
        if (rule.isNull()) return v.isNull();
        return false;
    }

    private static boolean numeric(JsonNode ops, BigDecimal value) {
        for (int i = 0; i < ops.size(); i += 2) {
            int c = value.compareTo(ops.get(i + 1).decimalValue());
            boolean ok = switch (ops.get(i).asText()) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    /** IPv4 CIDR containment. Stateless. */
    static final class Cidr {
        private Cidr() {}

        static boolean contains(String cidr, String ip) {
            int slash = cidr.indexOf('/');
            if (slash < 0) return cidr.equals(ip);
            Long net = ipv4(cidr.substring(0, slash));
            Long addr = ipv4(ip);
            if (net == null || addr == null) return false;
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return (net & mask) == (addr & mask);
        }

        private static Long ipv4(String s) {
            String[] parts = s.split("\\.");
            if (parts.length != 4) return null;
            long v = 0;
            for (String p : parts) {
                try {
                    int n = Integer.parseInt(p);
                    if (n < 0 || n > 255) return null;
                    v = (v << 8) | n;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return v;
        }
    }
}
