package dev.vigil.events;

import static dev.vigil.events.EventsErrors.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.ResourcePolicySource;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.Condition;
import software.amazon.awssdk.services.eventbridge.model.PutPermissionRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPermissionResponse;
import software.amazon.awssdk.services.eventbridge.model.RemovePermissionRequest;
import software.amazon.awssdk.services.eventbridge.model.RemovePermissionResponse;

/**
 * A bus's resource-based policy: PutPermission (an account, or {@code *} optionally narrowed by a condition such as
 * {@code aws:PrincipalOrgID}, or a whole policy document), RemovePermission, and the policy's lookup by bus ARN for
 * the policy engine. Thread-safe (stateless apart from the repository).
 */
final class BusPolicies implements ResourcePolicySource {
    private final EventsRepository repo;
    private final BusNames buses;
    private final Clock clock;

    BusPolicies(EventsRepository repo, Clock clock) {
        this.repo = repo;
        this.buses = new BusNames(repo);
        this.clock = clock;
    }

    PutPermissionResponse putPermission(RequestContext ctx, PutPermissionRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        String busArn = EventsArns.bus(ctx.region(), ctx.accountId(), bus);
        String replacement;
        if (r.policy() != null) {
            if (r.action() != null || r.principal() != null || r.statementId() != null || r.condition() != null) {
                throw validation("Policy cannot be combined with Action, Principal, StatementId or Condition.");
            }
            replacement = wholePolicy(r.policy());
        } else {
            if (r.action() == null || r.principal() == null || r.statementId() == null) {
                throw validation("Parameter(s) Action, Principal and StatementId must be specified.");
            }
            if (!r.action().equals("events:PutEvents")) {
                throw validation("Provided value in parameter 'action' is not supported.");
            }
            if (!r.principal().equals("*") && !Ids.isAccountId(r.principal())) {
                throw validation("Parameter Principal is not valid: it must be an account id or \"*\".");
            }
            replacement = null;
        }
        repo.changePolicy(ctx.accountId(), ctx.region(), bus, clock.instant(), old -> replacement != null ? replacement
                : withStatement(old, statement(r, busArn)));
        return PutPermissionResponse.builder().build();
    }

    RemovePermissionResponse removePermission(RequestContext ctx, RemovePermissionRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        boolean all = Boolean.TRUE.equals(r.removeAllPermissions());
        if (!all && r.statementId() == null) throw validation("Parameter StatementId must be specified.");
        repo.changePolicy(ctx.accountId(), ctx.region(), bus, clock.instant(), old -> {
            if (all) return null;
            if (old == null) throw AwsException.badRequest(EventsErrors.NOT_FOUND, "EventBus does not have a policy.");
            ObjectNode doc = parse(old);
            ArrayNode statements = (ArrayNode) doc.withArray("Statement");
            boolean removed = false;
            for (Iterator<JsonNode> it = statements.elements(); it.hasNext(); ) {
                if (r.statementId().equals(it.next().path("Sid").asText(null))) {
                    it.remove();
                    removed = true;
                }
            }
            if (!removed) {
                throw AwsException.badRequest(EventsErrors.NOT_FOUND, "Statement with the provided id does not exist.");
            }
            return statements.isEmpty() ? null : EventEnvelope.text(doc);
        });
        return RemovePermissionResponse.builder().build();
    }

    private static ObjectNode statement(PutPermissionRequest r, String busArn) {
        ObjectNode s = EventEnvelope.JSON.createObjectNode();
        s.put("Sid", r.statementId());
        s.put("Effect", "Allow");
        if (r.principal().equals("*")) {
            s.put("Principal", "*");
        } else {
            s.putObject("Principal").put("AWS", Arn.of("iam", "", r.principal(), "root").toString());
        }
        s.put("Action", r.action());
        s.put("Resource", busArn);
        Condition c = r.condition();
        if (c != null) s.putObject("Condition").putObject(c.type()).put(c.key(), c.value());
        return s;
    }

    private static String withStatement(String old, ObjectNode statement) {
        ObjectNode doc = old == null ? EventEnvelope.JSON.createObjectNode().put("Version", "2012-10-17") : parse(old);
        ArrayNode statements = doc.withArray("Statement");
        for (Iterator<JsonNode> it = statements.elements(); it.hasNext(); ) {
            if (statement.get("Sid").asText().equals(it.next().path("Sid").asText(null))) {
                throw AwsException.badRequest(EventsErrors.ALREADY_EXISTS, "Statement with the provided id already exists.");
            }
        }
        statements.add(statement);
        return EventEnvelope.text(doc);
    }

    private static String wholePolicy(String policy) {
        JsonNode doc;
        try {
            doc = EventEnvelope.JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            throw validation("Policy is not valid JSON.");
        }
        if (doc == null || !doc.isObject() || !doc.has("Statement")) throw validation("Policy is not valid.");
        return EventEnvelope.text(doc);
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode n = EventEnvelope.JSON.readTree(json);
            if (n instanceof ObjectNode o) {
                JsonNode st = o.get("Statement");
                if (st != null && st.isObject()) o.putArray("Statement").add(st);
                return o;
            }
        } catch (JsonProcessingException e) {
            // fall through: a stored policy is always one we wrote
        }
        throw new IllegalStateException("stored bus policy is not a JSON object");
    }

    @Override
    public Optional<String> policyFor(String resourceArn) {
        Arn arn;
        try {
            arn = Arn.parse(resourceArn);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!arn.resource().startsWith("event-bus/")) return Optional.empty();
        return repo.bus(arn.accountId(), arn.region(), arn.resource().substring("event-bus/".length()))
                .map(Bus::policy);
    }
}
