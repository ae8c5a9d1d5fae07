package dev.vigil.iam.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The effective management policy (tag, backup, ... policies) of an account: the documents attached from the root
 * down to the account merged with the inheritance operators ("Policy syntax and inheritance for management policy
 * types"): {@code @@assign} replaces what a parent set, {@code @@append} adds to a parent's list, {@code @@remove}
 * drops a parent's value; the result carries plain values, no operators. Child-control operators
 * ({@code @@operators_allowed_for_child_policies}) are honoured for {@code @@none}: a child may not change the value.
 * Stateless.
 */
final class EffectivePolicies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSIGN = "@@assign";
    private static final String APPEND = "@@append";
    private static final String REMOVE = "@@remove";
    private static final String CONTROL = "@@operators_allowed_for_child_policies";

    private EffectivePolicies() {}

    /** @param levels the documents at each level, root first */
    static String merge(List<List<String>> levels) {
        ObjectNode effective = JSON.createObjectNode();
        ObjectNode locked = JSON.createObjectNode();
        for (List<String> level : levels) {
            for (String doc : level) {
                try {
                    apply(effective, locked, (ObjectNode) JSON.readTree(doc));
                } catch (Exception e) {
                    // stored documents were validated as JSON objects; nothing else reaches here
                }
            }
        }
        return effective.toString();
    }

    private static void apply(ObjectNode target, ObjectNode locked, ObjectNode policy) {
        Iterator<Map.Entry<String, JsonNode>> it = policy.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.equals(CONTROL)) continue;
            if (locked.has(key) && locked.get(key).isBoolean()) continue;
            if (!value.isObject()) {
                target.set(key, value);
                continue;
            }
            ObjectNode v = (ObjectNode) value;
            if (v.has(ASSIGN)) {
                target.set(key, v.get(ASSIGN).deepCopy());
            } else if (v.has(APPEND)) {
                ArrayNode merged = target.get(key) instanceof ArrayNode a ? a : JSON.createArrayNode();
                for (JsonNode n : v.get(APPEND)) if (!contains(merged, n)) merged.add(n);
                target.set(key, merged);
            } else if (v.has(REMOVE)) {
                target.remove(key);
            } else {
                ObjectNode child = target.get(key) instanceof ObjectNode o ? o : JSON.createObjectNode();
                ObjectNode childLocks = locked.get(key) instanceof ObjectNode l ? l : JSON.createObjectNode();
                apply(child, childLocks, v);
                target.set(key, child);
                locked.set(key, childLocks);
            }
            // Children below this level may not change what this level set.
            if (v.has(CONTROL) && v.get(CONTROL).toString().contains("@@none")) locked.put(key, true);
        }
    }

    private static boolean contains(ArrayNode a, JsonNode n) {
        for (JsonNode x : a) if (x.equals(n)) return true;
        return false;
    }
}
