package dev.vigil.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * AddPermission / RemovePermission on a resource policy: a labelled statement allowing accounts' roots the
 * given actions on the resource, added to (or removed from) the policy document. Stateless.
 */
public final class PolicyStatements {
    private PolicyStatements() {}

    /** The policy with the statement added; null when the label exists already. */
    public static String add(String policy, String policyId, String label, List<String> accounts, List<String> actions,
                             String resource) {
        ObjectNode doc = parseOrNew(policy, policyId);
        ArrayNode statements = statements(doc);
        for (JsonNode s : statements) if (label.equals(s.path("Sid").asText(null))) return null;
        ObjectNode s = statements.addObject();
        s.put("Sid", label);
        s.put("Effect", "Allow");
        ArrayNode principals = s.putObject("Principal").putArray("AWS");
        for (String a : accounts) principals.add("arn:aws:iam::" + a + ":root");
        ArrayNode acts = s.putArray("Action");
        actions.forEach(acts::add);
        s.put("Resource", resource);
        return Json.write(doc);
    }

    /** The policy without the labelled statement, "" when none is left; null when the label is not there. */
    public static String remove(String policy, String label) {
        if (policy == null || policy.isEmpty()) return null;
        JsonNode parsed = Json.tryParse(policy);
        if (parsed == null || !parsed.isObject()) return null;
        ObjectNode doc = (ObjectNode) parsed;
        ArrayNode statements = statements(doc);
        for (int i = 0; i < statements.size(); i++) {
            if (label.equals(statements.get(i).path("Sid").asText(null))) {
                statements.remove(i);
                return statements.isEmpty() ? "" : Json.write(doc);
            }
        }
        return null;
    }

    private static ObjectNode parseOrNew(String policy, String policyId) {
        JsonNode parsed = policy == null || policy.isEmpty() ? null : Json.tryParse(policy);
        if (parsed != null && parsed.isObject()) return (ObjectNode) parsed;
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("Version", "2012-10-17");
        doc.put("Id", policyId);
        doc.putArray("Statement");
        return doc;
    }

    private static ArrayNode statements(ObjectNode doc) {
        JsonNode s = doc.get("Statement");
        if (s instanceof ArrayNode a) return a;
        ArrayNode a = Json.MAPPER.createArrayNode();
        if (s != null && s.isObject()) a.add(s);
        doc.set("Statement", a);
        return a;
    }
}
