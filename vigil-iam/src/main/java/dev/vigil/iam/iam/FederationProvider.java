package dev.vigil.iam.iam;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import dev.vigil.iam.federation.SamlMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.model.*;

/**
 * IAM's SAML and OpenID Connect identity providers: registration, metadata, client ids (audiences), thumbprints
 * and tags. STS reads them to verify AssumeRoleWithSAML assertions and AssumeRoleWithWebIdentity tokens.
 * Thread-safe (stateless over the store).
 */
public final class FederationProvider {
    /** IAM quotas: "SAML providers in an AWS account: 100", "OIDC identity providers in an AWS account: 100". */
    static final int MAX_PROVIDERS = 100;
    static final int MAX_CLIENT_IDS = 100;
    static final int MAX_THUMBPRINTS = 5;
    /** IAM reports ValidUntil 100 years after creation when the metadata sets none. */
    static final int DEFAULT_VALIDITY_YEARS = 100;

    private final IamStores s;
    private final IdentityProviderStore store;
    private final Clock clock;

    public FederationProvider(IamStores stores, Clock clock) {
        this.s = stores;
        this.store = stores.identityProviders();
        this.clock = clock;
    }

    // --- SAML -------------------------------------------------------------------------------------------------

    public CreateSamlProviderResponse createSAMLProvider(RequestContext ctx, CreateSamlProviderRequest req) {
        String arn = samlArn(ctx.accountId(), req.name());
        SamlMetadata metadata = metadata(req.samlMetadataDocument());
        List<IamTag> tags = TagRules.fromSdk(req.tags());
        TagRules.checkQuota(List.of(), tags, "TagsPerSAMLProvider");
        Instant now = clock.instant();
        IdentityProvider p = new IdentityProvider(ctx.accountId(), arn, IdentityProvider.Kind.SAML,
                UUID.randomUUID().toString(), req.samlMetadataDocument(), null, null, tags, now,
                validUntil(metadata, now));
        s.jdbc().inTransaction(c -> {
            if (store.find(ctx.accountId(), arn).isPresent()) {
                throw new AwsException(IamErrors.ENTITY_ALREADY_EXISTS, 409,
                        "SAMLProvider " + req.name() + " already exists.");
            }
            if (store.count(ctx.accountId(), IdentityProvider.Kind.SAML) >= MAX_PROVIDERS) {
                throw IamErrors.quota("SAMLProvidersPerAccount", MAX_PROVIDERS);
            }
            store.insert(p);
            return null;
        });
        return CreateSamlProviderResponse.builder().samlProviderArn(arn).tags(TagRules.toSdk(tags)).build();
    }

    public GetSamlProviderResponse getSAMLProvider(RequestContext ctx, GetSamlProviderRequest req) {
        IdentityProvider p = saml(ctx, req.samlProviderArn());
        return GetSamlProviderResponse.builder().samlProviderUUID(p.uuid()).samlMetadataDocument(p.metadata())
                .createDate(p.createDate()).validUntil(p.validUntil()).tags(TagRules.toSdk(p.tags())).build();
    }

    public UpdateSamlProviderResponse updateSAMLProvider(RequestContext ctx, UpdateSamlProviderRequest req) {
        IdentityProvider p = saml(ctx, req.samlProviderArn());
        if (req.samlMetadataDocument() != null) {
            SamlMetadata metadata = metadata(req.samlMetadataDocument());
            store.update(p.withMetadata(req.samlMetadataDocument(), validUntil(metadata, p.createDate())));
        }
        return UpdateSamlProviderResponse.builder().samlProviderArn(p.arn()).build();
    }

    public DeleteSamlProviderResponse deleteSAMLProvider(RequestContext ctx, DeleteSamlProviderRequest req) {
        IdentityProvider p = saml(ctx, req.samlProviderArn());
        store.delete(p.accountId(), p.arn());
        return DeleteSamlProviderResponse.builder().build();
    }

    public ListSamlProvidersResponse listSAMLProviders(RequestContext ctx, ListSamlProvidersRequest req) {
        return ListSamlProvidersResponse.builder().samlProviderList(store.all(ctx.accountId(),
                IdentityProvider.Kind.SAML).stream().map(p -> SAMLProviderListEntry.builder().arn(p.arn())
                .createDate(p.createDate()).validUntil(p.validUntil()).build()).toList()).build();
    }

    public TagSamlProviderResponse tagSAMLProvider(RequestContext ctx, TagSamlProviderRequest req) {
        tag(saml(ctx, req.samlProviderArn()), req.tags(), "TagsPerSAMLProvider");
        return TagSamlProviderResponse.builder().build();
    }

    public UntagSamlProviderResponse untagSAMLProvider(RequestContext ctx, UntagSamlProviderRequest req) {
        untag(saml(ctx, req.samlProviderArn()), req.tagKeys());
        return UntagSamlProviderResponse.builder().build();
    }

    public ListSamlProviderTagsResponse listSAMLProviderTags(RequestContext ctx, ListSamlProviderTagsRequest req) {
        Page<IamTag> page = tagPage(saml(ctx, req.samlProviderArn()), req.marker(), req.maxItems());
        return ListSamlProviderTagsResponse.builder().tags(TagRules.toSdk(page.items()))
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    // --- OpenID Connect -------------------------------------------------------------------------------------

    public CreateOpenIdConnectProviderResponse createOpenIDConnectProvider(RequestContext ctx,
                                                                           CreateOpenIdConnectProviderRequest req) {
        String arn = oidcArn(ctx.accountId(), req.url());
        List<String> clientIds = distinct(req.clientIDList());
        if (clientIds.size() > MAX_CLIENT_IDS) throw IamErrors.quota("ClientIdsPerOpenIdConnectProvider", MAX_CLIENT_IDS);
        List<String> thumbprints = thumbprints(req.thumbprintList());
        List<IamTag> tags = TagRules.fromSdk(req.tags());
        TagRules.checkQuota(List.of(), tags, "TagsPerOpenIdConnectProvider");
        IdentityProvider p = new IdentityProvider(ctx.accountId(), arn, IdentityProvider.Kind.OIDC,
                UUID.randomUUID().toString(), null, clientIds, thumbprints, tags, clock.instant(), null);
        s.jdbc().inTransaction(c -> {
            if (store.find(ctx.accountId(), arn).isPresent()) {
                throw new AwsException(IamErrors.ENTITY_ALREADY_EXISTS, 409,
                        "Provider with url " + p.url() + " already exists.");
            }
            if (store.count(ctx.accountId(), IdentityProvider.Kind.OIDC) >= MAX_PROVIDERS) {
                throw IamErrors.quota("OpenIdConnectProvidersPerAccount", MAX_PROVIDERS);
            }
            store.insert(p);
            return null;
        });
        return CreateOpenIdConnectProviderResponse.builder().openIDConnectProviderArn(arn)
                .tags(TagRules.toSdk(tags)).build();
    }

    public GetOpenIdConnectProviderResponse getOpenIDConnectProvider(RequestContext ctx,
                                                                     GetOpenIdConnectProviderRequest req) {
        IdentityProvider p = oidc(ctx, req.openIDConnectProviderArn());
        return GetOpenIdConnectProviderResponse.builder().url(p.url().substring("https://".length()))
                .clientIDList(p.clientIds()).thumbprintList(p.thumbprints()).createDate(p.createDate())
                .tags(TagRules.toSdk(p.tags())).build();
    }

    public ListOpenIdConnectProvidersResponse listOpenIDConnectProviders(RequestContext ctx,
                                                                         ListOpenIdConnectProvidersRequest req) {
        return ListOpenIdConnectProvidersResponse.builder().openIDConnectProviderList(store.all(ctx.accountId(),
                        IdentityProvider.Kind.OIDC).stream()
                .map(p -> OpenIDConnectProviderListEntry.builder().arn(p.arn()).build()).toList()).build();
    }

    public DeleteOpenIdConnectProviderResponse deleteOpenIDConnectProvider(RequestContext ctx,
                                                                           DeleteOpenIdConnectProviderRequest req) {
        IdentityProvider p = oidc(ctx, req.openIDConnectProviderArn());
        store.delete(p.accountId(), p.arn());
        return DeleteOpenIdConnectProviderResponse.builder().build();
    }

    /** Adding a client id the provider already has succeeds silently, as on AWS. */
    public AddClientIdToOpenIdConnectProviderResponse addClientIDToOpenIDConnectProvider(
            RequestContext ctx, AddClientIdToOpenIdConnectProviderRequest req) {
        IdentityProvider p = oidc(ctx, req.openIDConnectProviderArn());
        List<String> ids = new ArrayList<>(p.clientIds());
        if (!ids.contains(req.clientID())) {
            if (ids.size() >= MAX_CLIENT_IDS) throw IamErrors.quota("ClientIdsPerOpenIdConnectProvider", MAX_CLIENT_IDS);
            ids.add(req.clientID());
            store.update(p.withClientIds(ids));
        }
        return AddClientIdToOpenIdConnectProviderResponse.builder().build();
    }

    /** Removing a client id the provider does not have succeeds silently, as on AWS. */
    public RemoveClientIdFromOpenIdConnectProviderResponse removeClientIDFromOpenIDConnectProvider(
            RequestContext ctx, RemoveClientIdFromOpenIdConnectProviderRequest req) {
        IdentityProvider p = oidc(ctx, req.openIDConnectProviderArn());
        List<String> ids = new ArrayList<>(p.clientIds());
        if (ids.remove(req.clientID())) store.update(p.withClientIds(ids));
        return RemoveClientIdFromOpenIdConnectProviderResponse.builder().build();
    }

    public UpdateOpenIdConnectProviderThumbprintResponse updateOpenIDConnectProviderThumbprint(
            RequestContext ctx, UpdateOpenIdConnectProviderThumbprintRequest req) {
        IdentityProvider p = oidc(ctx, req.openIDConnectProviderArn());
        store.update(p.withThumbprints(thumbprints(req.thumbprintList())));
        return UpdateOpenIdConnectProviderThumbprintResponse.builder().build();
    }

    public TagOpenIdConnectProviderResponse tagOpenIDConnectProvider(RequestContext ctx,
                                                                     TagOpenIdConnectProviderRequest req) {
        tag(oidc(ctx, req.openIDConnectProviderArn()), req.tags(), "TagsPerOpenIdConnectProvider");
        return TagOpenIdConnectProviderResponse.builder().build();
    }

    public UntagOpenIdConnectProviderResponse untagOpenIDConnectProvider(RequestContext ctx,
                                                                         UntagOpenIdConnectProviderRequest req) {
        untag(oidc(ctx, req.openIDConnectProviderArn()), req.tagKeys());
        return UntagOpenIdConnectProviderResponse.builder().build();
    }

    public ListOpenIdConnectProviderTagsResponse listOpenIDConnectProviderTags(
            RequestContext ctx, ListOpenIdConnectProviderTagsRequest req) {
        Page<IamTag> page = tagPage(oidc(ctx, req.openIDConnectProviderArn()), req.marker(), req.maxItems());
        return ListOpenIdConnectProviderTagsResponse.builder().tags(TagRules.toSdk(page.items()))
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    // --- shared -----------------------------------------------------------------------------------------------

    static String samlArn(String accountId, String name) {
        return Arn.of("iam", "", accountId, "saml-provider/" + name).toString();
    }

    /**
     * The provider ARN for an issuer URL: "https://" removed; AWS keeps host and path as given but refuses
     * anything that is not an https URL, query parameters and fragments.
     */
    public static String oidcArn(String accountId, String url) {
        if (url == null || !url.regionMatches(true, 0, "https://", 0, 8) || url.length() == 8) {
            throw IamErrors.invalidInput("The URL must begin with https:// and specify a host: " + url);
        }
        String rest = url.substring(8);
        if (rest.contains("?") || rest.contains("#")) {
            throw IamErrors.invalidInput("The URL may not contain query parameters or a fragment: " + url);
        }
        while (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        return Arn.of("iam", "", accountId, "oidc-provider/" + rest).toString();
    }

    private IdentityProvider saml(RequestContext ctx, String arn) {
        return find(ctx, arn, IdentityProvider.Kind.SAML, "saml-provider/",
                a -> "SAMLProvider " + a + " does not exist.");
    }

    private IdentityProvider oidc(RequestContext ctx, String arn) {
        return find(ctx, arn, IdentityProvider.Kind.OIDC, "oidc-provider/",
                a -> "OpenIDConnect Provider not found for arn " + a);
    }

    private IdentityProvider find(RequestContext ctx, String arn, IdentityProvider.Kind kind, String prefix,
                                  Function<String, String> notFound) {
        Arn parsed;
        try {
            parsed = Arn.parse(arn);
        } catch (IllegalArgumentException e) {
            throw IamErrors.invalidArn(arn);
        }
        if (!parsed.service().equals("iam") || !parsed.resource().startsWith(prefix)) throw IamErrors.invalidArn(arn);
        return store.find(ctx.accountId(), arn).filter(p -> p.kind() == kind)
                .orElseThrow(() -> new AwsException(IamErrors.NO_SUCH_ENTITY, 404, notFound.apply(arn)));
    }

    private static SamlMetadata metadata(String document) {
        try {
            return SamlMetadata.parse(document);
        } catch (IllegalArgumentException e) {
            throw IamErrors.invalidInput("Could not parse metadata");
        }
    }

    private static Instant validUntil(SamlMetadata m, Instant created) {
        return m.validUntil() != null ? m.validUntil()
                : created.atOffset(ZoneOffset.UTC).plusYears(DEFAULT_VALIDITY_YEARS).toInstant();
    }

    /** Thumbprints are 40 hex digits (SHA-1 of the certificate); stored lower-case, duplicates removed. */
    private static List<String> thumbprints(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String t : given == null ? List.<String>of() : given) {
            if (!t.matches("[0-9a-fA-F]{40}")) {
                throw IamErrors.invalidInput("Thumbprint must be a 40-character hexadecimal string: " + t);
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (!out.contains(lower)) out.add(lower);
        }
        if (out.size() > MAX_THUMBPRINTS) throw IamErrors.quota("ThumbprintsPerOpenIdConnectProvider", MAX_THUMBPRINTS);
        return out;
    }

    private static List<String> distinct(List<String> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }

    private void tag(IdentityProvider p, List<Tag> tags, String quota) {
        List<IamTag> incoming = TagRules.fromSdk(tags);
        TagRules.checkQuota(p.tags(), incoming, quota);
        Map<String, IamTag> merged = new LinkedHashMap<>();
        for (IamTag t : p.tags()) merged.put(IamNames.key(t.key()), t);
        for (IamTag t : incoming) merged.put(IamNames.key(t.key()), t);
        store.update(p.withTags(new ArrayList<>(merged.values())));
    }

    private void untag(IdentityProvider p, List<String> keys) {
        List<String> lower = keys.stream().map(IamNames::key).toList();
        store.update(p.withTags(p.tags().stream().filter(t -> !lower.contains(IamNames.key(t.key()))).toList()));
    }

    private static Page<IamTag> tagPage(IdentityProvider p, String marker, Integer maxItems) {
        List<IamTag> sorted = p.tags().stream().sorted((a, b) -> IamNames.key(a.key()).compareTo(IamNames.key(b.key())))
                .toList();
        return Page.of(sorted, t -> IamNames.key(t.key()), marker, maxItems);
    }
}
