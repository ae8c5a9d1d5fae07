package dev.vigil.iam.organizations;

import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import dev.vigil.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.model.AcceptHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.AcceptHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.CancelHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.CancelHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.DeclineHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.DeclineHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.DescribeHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.DescribeHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.Handshake;
import software.amazon.awssdk.services.organizations.model.HandshakeFilter;
import software.amazon.awssdk.services.organizations.model.InviteAccountToOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.InviteAccountToOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForAccountRequest;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForAccountResponse;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForOrganizationResponse;

/**
 * Invitations: the management account invites an account (by id or by the email Organizations knows it by); the
 * invited account accepts or declines, the organization may cancel; an open invitation expires after
 * {@link #EXPIRY} (15 days, as AWS). An account joins only when it is in no organization at acceptance time —
 * the documented order for moving accounts between organizations is remove (or leave, or delete the old
 * organization) first, then accept. Thread-safe (stateless over thread-safe stores).
 */
final class HandshakeProvider {
    static final Duration EXPIRY = Duration.ofDays(15);

    private final OrgStores s;
    private final OrgLookup look;
    private final DefaultAttachments defaults;
    private final Clock clock;

    HandshakeProvider(OrgStores stores, OrgLookup look, Clock clock) {
        this.s = stores;
        this.look = look;
        this.defaults = new DefaultAttachments(stores);
        this.clock = clock;
    }

    InviteAccountToOrganizationResponse inviteAccountToOrganization(RequestContext ctx,
                                                                    InviteAccountToOrganizationRequest req) {
        Instant now = clock.instant();
        OrgHandshake h = s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            String type = req.target() == null ? null : req.target().typeAsString();
            String value = req.target() == null ? null : req.target().id();
            String account;
            if ("ACCOUNT".equals(type)) {
                if (value == null || !OrgIds.ACCOUNT.matcher(value).matches()) {
                    throw OrgErrors.invalidInput("INVALID_PATTERN", "You provided a value that doesn't match the"
                            + " required pattern.");
                }
                account = value;
            } else if ("EMAIL".equals(type)) {
                account = s.orgs().accountByEmail(value).orElse(null);
            } else {
                throw OrgErrors.invalidInput("INVALID_PARTY_TYPE_TARGET", "You specified the wrong type for the"
                        + " invitation target. Valid values are ACCOUNT and EMAIL.");
            }
            if (account != null && s.orgs().member(account).filter(m -> m.orgId().equals(o.orgId())).isPresent()) {
                throw alreadyInOrganization();
            }
            for (OrgHandshake existing : s.handshakes().forOrganization(o.orgId())) {
                if (existing.openAt(now) && existing.targetValue().equalsIgnoreCase(value)) {
                    throw OrgErrors.duplicateHandshake();
                }
            }
            OrgHandshake created = new OrgHandshake(OrgIds.handshake(), o.orgId(), o.managementAccount(), "INVITE",
                    "OPEN", type, value, account, req.notes(), now, now.plus(EXPIRY));
            s.handshakes().insert(created);
            s.policies().putTags(created.handshakeId(), OrgTags.of(req.tags()));
            return created;
        });
        return InviteAccountToOrganizationResponse.builder().handshake(shape(h, now)).build();
    }

    AcceptHandshakeResponse acceptHandshake(RequestContext ctx, AcceptHandshakeRequest req) {
        Instant now = clock.instant();
        OrgHandshake h;
        try {
            h = accept(ctx, req, now);
        } catch (StoreException e) {
            // The account joined another organization (or created one) while this acceptance ran.
            if (e.isUniqueViolation()) throw alreadyInOrganization();
            throw e;
        }
        return AcceptHandshakeResponse.builder().handshake(shape(h, now)).build();
    }

    private static AwsException alreadyInOrganization() {
        return OrgErrors.handshakeConstraint("ALREADY_IN_AN_ORGANIZATION", "The handshake request is invalid"
                + " because the invited account is already a member of an organization.");
    }

    private OrgHandshake accept(RequestContext ctx, AcceptHandshakeRequest req, Instant now) {
        return s.jdbc().inTransaction(c -> {
            OrgHandshake found = addressedTo(ctx, req.handshakeId());
            answerable(found, "ACCEPTED", now);
            if (s.orgs().member(ctx.accountId()).isPresent()) throw alreadyInOrganization();
            Organization o = s.orgs().lock(found.orgId()).orElseThrow(OrgErrors::invalidTransition);
            if (!s.handshakes().transition(found.handshakeId(), found.state(), "ACCEPTED")) {
                throw OrgErrors.invalidTransition();
            }
            s.orgs().addMember(new Member(ctx.accountId(), o.orgId(), o.rootId(), "INVITED", now));
            defaults.onboard(o, ctx.accountId());
            return s.handshakes().find(found.handshakeId()).orElseThrow();
        });
    }

    DeclineHandshakeResponse declineHandshake(RequestContext ctx, DeclineHandshakeRequest req) {
        Instant now = clock.instant();
        OrgHandshake found = addressedTo(ctx, req.handshakeId());
        answerable(found, "DECLINED", now);
        if (!s.handshakes().transition(found.handshakeId(), found.state(), "DECLINED")) throw OrgErrors.invalidTransition();
        return DeclineHandshakeResponse.builder().handshake(shape(s.handshakes().find(found.handshakeId()).orElseThrow(),
                now)).build();
    }

    CancelHandshakeResponse cancelHandshake(RequestContext ctx, CancelHandshakeRequest req) {
        Instant now = clock.instant();
        Organization o = look.managedOrg(ctx);
        OrgHandshake found = find(req.handshakeId()).filter(h -> h.orgId().equals(o.orgId()))
                .orElseThrow(OrgErrors::handshakeNotFound);
        answerable(found, "CANCELED", now);
        if (!s.handshakes().transition(found.handshakeId(), found.state(), "CANCELED")) throw OrgErrors.invalidTransition();
        return CancelHandshakeResponse.builder().handshake(shape(s.handshakes().find(found.handshakeId()).orElseThrow(),
                now)).build();
    }

    DescribeHandshakeResponse describeHandshake(RequestContext ctx, DescribeHandshakeRequest req) {
        OrgHandshake h = find(req.handshakeId()).filter(x -> ctx.accountId().equals(x.targetAccount())
                || ctx.accountId().equals(x.managementAccount())).orElseThrow(OrgErrors::handshakeNotFound);
        return DescribeHandshakeResponse.builder().handshake(shape(h, clock.instant())).build();
    }

    ListHandshakesForAccountResponse listHandshakesForAccount(RequestContext ctx, ListHandshakesForAccountRequest req) {
        List<Handshake> all = filtered(s.handshakes().forAccount(ctx.accountId()), req.filter());
        Pages.Page<Handshake> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListHandshakesForAccountResponse.builder().handshakes(page.items()).nextToken(page.nextToken()).build();
    }

    ListHandshakesForOrganizationResponse listHandshakesForOrganization(RequestContext ctx,
                                                                        ListHandshakesForOrganizationRequest req) {
        Organization o = look.readableOrg(ctx);
        List<Handshake> all = filtered(s.handshakes().forOrganization(o.orgId()), req.filter());
        Pages.Page<Handshake> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListHandshakesForOrganizationResponse.builder().handshakes(page.items()).nextToken(page.nextToken())
                .build();
    }

    private List<Handshake> filtered(List<OrgHandshake> handshakes, HandshakeFilter filter) {
        Instant now = clock.instant();
        List<Handshake> out = new ArrayList<>();
        for (OrgHandshake h : handshakes) {
            if (filter != null && filter.actionTypeAsString() != null && !filter.actionTypeAsString().equals(h.action())) {
                continue;
            }
            out.add(shape(h, now));
        }
        return out;
    }

    /** A handshake the calling account was invited by; others are not found, as AWS hides them. */
    private OrgHandshake addressedTo(RequestContext ctx, String handshakeId) {
        return find(handshakeId).filter(h -> ctx.accountId().equals(h.targetAccount()))
                .orElseThrow(OrgErrors::handshakeNotFound);
    }

    private Optional<OrgHandshake> find(String handshakeId) {
        if (handshakeId == null || !OrgIds.HANDSHAKE.matcher(handshakeId).matches()) {
            throw OrgErrors.invalidInput("INVALID_PATTERN", "You provided a value that doesn't match the required"
                    + " pattern.");
        }
        return s.handshakes().find(handshakeId);
    }

    /** Only an open handshake can be answered; answering it again the same way says so. */
    private static void answerable(OrgHandshake h, String wanted, Instant now) {
        String state = h.stateAt(now);
        if (state.equals("OPEN")) return;
        if (state.equals(wanted)) throw OrgErrors.alreadyInState(state);
        throw OrgErrors.invalidTransition();
    }

    private Handshake shape(OrgHandshake h, Instant now) {
        return OrgShapes.handshake(h, s.orgs().byId(h.orgId()).orElse(null), s.orgs().profile(h.managementAccount()), now);
    }
}
