package dev.vigil.iam.organizations;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.organizations.model.Child;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.ListChildrenRequest;
import software.amazon.awssdk.services.organizations.model.ListChildrenResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListParentsRequest;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.UpdateOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.UpdateOrganizationalUnitResponse;

/**
 * The root and the OU tree: create, rename, delete (only when empty), describe and walk. OUs nest at most five
 * levels below the root; names are unique among siblings. Thread-safe (stateless over thread-safe stores).
 */
final class TreeProvider {
    /** "Number of OUs in an organization": 1,000. */
    static final int MAX_OUS = 1000;

    private final OrgStores s;
    private final OrgLookup look;
    private final DefaultAttachments defaults;
    private final Clock clock;

    TreeProvider(OrgStores stores, OrgLookup look, Clock clock) {
        this.s = stores;
        this.look = look;
        this.defaults = new DefaultAttachments(stores);
        this.clock = clock;
    }

    ListRootsResponse listRoots(RequestContext ctx, ListRootsRequest req) {
        Organization o = look.readableOrg(ctx);
        Pages.Page<software.amazon.awssdk.services.organizations.model.Root> page = Pages.of(
                List.of(OrgShapes.root(o, s.orgs().enabledPolicyTypes(o.orgId()))), req.nextToken(), req.maxResults());
        return ListRootsResponse.builder().roots(page.items()).nextToken(page.nextToken()).build();
    }

    CreateOrganizationalUnitResponse createOrganizationalUnit(RequestContext ctx, CreateOrganizationalUnitRequest req) {
        OrgUnit u = s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            String parent = look.container(o, req.parentId(), OrgErrors.parentNotFound());
            if (look.depth(o, parent) >= OrgLookup.MAX_OU_DEPTH) {
                throw OrgErrors.constraint("OU_DEPTH_LIMIT_EXCEEDED",
                        "You attempted to create an OU tree that is too many levels deep.");
            }
            if (s.orgs().units(o.orgId(), parent).stream().anyMatch(x -> x.name().equals(req.name()))) {
                throw OrgErrors.duplicateOu();
            }
            OrgUnit created = new OrgUnit(OrgIds.ou(o.rootId()), o.orgId(), parent, req.name(), clock.instant());
            s.orgs().insertUnit(created);
            defaults.onboard(o, created.ouId());
            s.policies().putTags(created.ouId(), OrgTags.of(req.tags()));
            return created;
        });
        Organization o = look.managedOrg(ctx);
        return CreateOrganizationalUnitResponse.builder().organizationalUnit(OrgShapes.unit(o, u)).build();
    }

    UpdateOrganizationalUnitResponse updateOrganizationalUnit(RequestContext ctx, UpdateOrganizationalUnitRequest req) {
        OrgUnit renamed = s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            OrgUnit u = look.unit(o, req.organizationalUnitId());
            if (req.name() == null || req.name().equals(u.name())) return u;
            if (s.orgs().units(o.orgId(), u.parentId()).stream().anyMatch(x -> x.name().equals(req.name()))) {
                throw OrgErrors.duplicateOu();
            }
            s.orgs().renameUnit(u.ouId(), req.name());
            return new OrgUnit(u.ouId(), u.orgId(), u.parentId(), req.name(), u.createdAt());
        });
        return UpdateOrganizationalUnitResponse.builder().organizationalUnit(OrgShapes.unit(look.managedOrg(ctx), renamed))
                .build();
    }

    DeleteOrganizationalUnitResponse deleteOrganizationalUnit(RequestContext ctx, DeleteOrganizationalUnitRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            OrgUnit u = look.unit(o, req.organizationalUnitId());
            if (!s.orgs().units(o.orgId(), u.ouId()).isEmpty() || !s.orgs().membersOf(o.orgId(), u.ouId()).isEmpty()) {
                throw OrgErrors.ouNotEmpty();
            }
            s.orgs().deleteUnit(u.ouId());
            defaults.offboard(o, u.ouId());
            return null;
        });
        return DeleteOrganizationalUnitResponse.builder().build();
    }

    DescribeOrganizationalUnitResponse describeOrganizationalUnit(RequestContext ctx,
                                                                  DescribeOrganizationalUnitRequest req) {
        Organization o = look.readableOrg(ctx);
        return DescribeOrganizationalUnitResponse.builder()
                .organizationalUnit(OrgShapes.unit(o, look.unit(o, req.organizationalUnitId()))).build();
    }

    ListOrganizationalUnitsForParentResponse listOrganizationalUnitsForParent(RequestContext ctx,
                                                                              ListOrganizationalUnitsForParentRequest req) {
        Organization o = look.readableOrg(ctx);
        String parent = look.container(o, req.parentId(), OrgErrors.parentNotFound());
        List<OrganizationalUnit> all = new ArrayList<>();
        for (OrgUnit u : s.orgs().units(o.orgId(), parent)) all.add(OrgShapes.unit(o, u));
        Pages.Page<OrganizationalUnit> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListOrganizationalUnitsForParentResponse.builder().organizationalUnits(page.items())
                .nextToken(page.nextToken()).build();
    }

    ListChildrenResponse listChildren(RequestContext ctx, ListChildrenRequest req) {
        Organization o = look.readableOrg(ctx);
        String parent = look.container(o, req.parentId(), OrgErrors.parentNotFound());
        List<Child> all = new ArrayList<>();
        if ("ACCOUNT".equals(req.childTypeAsString())) {
            for (Member m : s.orgs().membersOf(o.orgId(), parent)) {
                all.add(Child.builder().id(m.accountId()).type("ACCOUNT").build());
            }
        } else if ("ORGANIZATIONAL_UNIT".equals(req.childTypeAsString())) {
            for (OrgUnit u : s.orgs().units(o.orgId(), parent)) {
                all.add(Child.builder().id(u.ouId()).type("ORGANIZATIONAL_UNIT").build());
            }
        } else {
            throw OrgErrors.invalidInput("INVALID_ENUM", "You specified an invalid value.");
        }
        Pages.Page<Child> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListChildrenResponse.builder().children(page.items()).nextToken(page.nextToken()).build();
    }

    ListParentsResponse listParents(RequestContext ctx, ListParentsRequest req) {
        Organization o = look.readableOrg(ctx);
        String parent = switch (OrgIds.kind(req.childId())) {
            case OU, ACCOUNT -> look.parentOf(o, req.childId());
            default -> null;
        };
        if (parent == null) throw OrgErrors.childNotFound();
        String type = OrgIds.kind(parent) == OrgIds.Kind.ROOT ? "ROOT" : "ORGANIZATIONAL_UNIT";
        Pages.Page<Parent> page = Pages.of(List.of(Parent.builder().id(parent).type(type).build()), req.nextToken(),
                req.maxResults());
        return ListParentsResponse.builder().parents(page.items()).nextToken(page.nextToken()).build();
    }
}
