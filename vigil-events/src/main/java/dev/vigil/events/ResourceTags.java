package dev.vigil.events;

import static dev.vigil.events.EventsErrors.validation;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.TagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.TagResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceResponse;

/**
 * TagResource, UntagResource, ListTagsForResource on buses ({@code event-bus/<name>}) and rules
 * ({@code rule/<name>}, {@code rule/<bus>/<name>}) of the caller's account and region; at most 50 tags a resource,
 * {@code aws:} keys reserved. Thread-safe (stateless apart from the repository).
 */
final class ResourceTags {
    static final int MAX_TAGS = 50;

    private final EventsRepository repo;
    private final BusNames buses;

    ResourceTags(EventsRepository repo) {
        this.repo = repo;
        this.buses = new BusNames(repo);
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        String arn = existing(ctx, r.resourceARN());
        return ListTagsForResourceResponse.builder().tags(repo.tags(ctx.accountId(), ctx.region(), arn).entrySet()
                .stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }

    TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        String arn = existing(ctx, r.resourceARN());
        SortedMap<String, String> tags = validate(r.tags());
        int count = repo.tag(ctx.accountId(), ctx.region(), arn, tags, MAX_TAGS);
        if (count > MAX_TAGS) {
            throw EventsErrors.limit("The request would exceed the limit of " + MAX_TAGS + " tags for " + arn + ".");
        }
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        String arn = existing(ctx, r.resourceARN());
        repo.untag(ctx.accountId(), ctx.region(), arn, r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    static SortedMap<String, String> validate(List<Tag> tags) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Tag t : tags) {
            if (t.key().regionMatches(true, 0, "aws:", 0, 4)) {
                throw validation("Invalid tag key " + t.key() + ": tag keys starting with 'aws:' are reserved.");
            }
            out.put(t.key(), t.value());
        }
        if (out.size() > MAX_TAGS) throw EventsErrors.limit("A resource can have at most " + MAX_TAGS + " tags.");
        return out;
    }

    /** The ARN of an existing bus or rule of the caller, or ResourceNotFoundException / ValidationException. */
    private String existing(RequestContext ctx, String text) {
        Arn arn;
        try {
            arn = Arn.parse(text);
        } catch (IllegalArgumentException e) {
            throw validation("Parameter ResourceARN is not valid.");
        }
        if (!"events".equals(arn.service())) throw validation("Parameter ResourceARN is not valid.");
        String resource = arn.resource();
        boolean mine = arn.accountId().equals(ctx.accountId()) && arn.region().equals(ctx.region());
        if (resource.startsWith("event-bus/")) {
            String name = resource.substring("event-bus/".length());
            if (!mine || !buses.exists(ctx.accountId(), ctx.region(), name)) throw EventsErrors.busNotFound(name);
            return arn.toString();
        }
        if (resource.startsWith("rule/")) {
            String rest = resource.substring("rule/".length());
            int slash = rest.lastIndexOf('/');
            String bus = slash < 0 ? Bus.DEFAULT : rest.substring(0, slash);
            String name = rest.substring(slash + 1);
            if (!mine || repo.rule(ctx.accountId(), ctx.region(), bus, name).isEmpty()) {
                throw EventsErrors.ruleNotFound(name, bus);
            }
            return arn.toString();
        }
        throw AwsException.badRequest(EventsErrors.NOT_FOUND, "Resource " + text + " does not exist.");
    }
}
