package dev.vigil.iam.organizations;

import dev.vigil.core.RequestContext;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.organizations.model.TagResourceRequest;
import software.amazon.awssdk.services.organizations.model.TagResourceResponse;
import software.amazon.awssdk.services.organizations.model.UntagResourceRequest;
import software.amazon.awssdk.services.organizations.model.UntagResourceResponse;

/** Tags of the root, OUs, accounts and policies. Thread-safe (stateless over thread-safe stores). */
final class TagProvider {
    private final OrgStores s;
    private final OrgLookup look;
    private final OrgPolicyProvider policies;

    TagProvider(OrgStores stores, OrgLookup look, OrgPolicyProvider policies) {
        this.s = stores;
        this.look = look;
        this.policies = policies;
    }

    TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            String id = resource(o, req.resourceId());
            var merged = s.policies().tags(id);
            merged.putAll(OrgTags.of(req.tags()));
            if (merged.size() > OrgTags.MAX) {
                throw OrgErrors.constraint("MAX_TAG_LIMIT_EXCEEDED", "You have exceeded the number of tags allowed on"
                        + " this resource.");
            }
            s.policies().putTags(id, OrgTags.of(req.tags()));
            return null;
        });
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest req) {
        Organization o = look.managedOrg(ctx);
        s.policies().removeTags(resource(o, req.resourceId()), req.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest req) {
        Organization o = look.readableOrg(ctx);
        var all = OrgShapes.tags(s.policies().tags(resource(o, req.resourceId())));
        Pages.Page<software.amazon.awssdk.services.organizations.model.Tag> page = Pages.of(all, req.nextToken(), null);
        return ListTagsForResourceResponse.builder().tags(page.items()).nextToken(page.nextToken()).build();
    }

    private String resource(Organization o, String id) {
        if (id != null && id.startsWith("p-")) {
            OrgPolicy p = policies.policy(o, id);
            if (p.awsManaged()) throw OrgErrors.targetNotFound();
            return p.policyId();
        }
        return look.target(o, id);
    }
}
