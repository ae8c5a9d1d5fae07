package dev.vigil.iam.sts;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import dev.vigil.iam.federation.FederationException;
import dev.vigil.iam.federation.JsonWebKeys;
import dev.vigil.iam.federation.Jwt;
import dev.vigil.iam.federation.OidcKeySource;
import dev.vigil.iam.federation.SamlAssertion;
import dev.vigil.iam.federation.SamlMetadata;
import dev.vigil.iam.iam.FederationProvider;
import dev.vigil.iam.iam.IamRole;
import dev.vigil.iam.iam.IdentityProvider;
import dev.vigil.iam.iam.IdentityProviderStore;
import dev.vigil.iam.iam.RoleStore;
import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.AuthorizationRequest;
import dev.vigil.iam.policy.ConditionContext;
import dev.vigil.iam.policy.PolicyEngine;
import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.RequestPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;

/**
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML: the caller is unauthenticated; the token or assertion is
 * verified against the account's registered OIDC or SAML provider, then the role's trust policy is evaluated with
 * the provider as the federated principal and the token's claims as condition keys ({@code <issuer>:sub},
 * {@code saml:aud}, ...). Thread-safe.
 */
public final class FederatedRoleProvider {
    static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
    static final String SAML = "sts:AssumeRoleWithSAML";

    private final RoleLookup roles;
    private final RoleStore roleStore;
    private final IdentityProviderStore providers;
    private final SessionCredentials sessions;
    private final OidcKeySource oidcKeys;
    private final Clock clock;
    private final PolicyEngine engine = new PolicyEngine();

    FederatedRoleProvider(RoleStore roleStore, IdentityProviderStore providers, SessionCredentials sessions,
                          OidcKeySource oidcKeys, Clock clock) {
        this.roles = new RoleLookup(roleStore);
        this.roleStore = roleStore;
        this.providers = providers;
        this.sessions = sessions;
        this.oidcKeys = oidcKeys;
        this.clock = clock;
    }

    public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(RequestContext ctx,
                                                                       AssumeRoleWithWebIdentityRequest req) {
        IamRole role = roles.find(req.roleArn()).orElseThrow(() -> notAuthorized(WEB_IDENTITY));
        Jwt jwt = parse(req.webIdentityToken());
        String issuer = jwt.claim("iss");
        if (issuer == null) throw invalidToken();
        String url = issuer.startsWith("https://") ? issuer : "https://" + issuer;
        IdentityProvider idp = providers.find(role.accountId(), oidcArn(role.accountId(), url))
                .filter(p -> p.kind() == IdentityProvider.Kind.OIDC)
                .orElseThrow(() -> new AwsException("InvalidIdentityToken", 400,
                        "No OpenIDConnect provider found in your account for " + url));
        verifySignature(jwt, idp);
        Instant now = clock.instant();
        Long exp = jwt.epochSeconds("exp");
        if (exp == null || now.getEpochSecond() >= exp) {
            throw new AwsException("ExpiredTokenException", 400, "Token expired: current date/time "
                    + now.getEpochSecond() + " must be before the expiration date/time " + (exp == null ? 0 : exp));
        }
        Long nbf = jwt.epochSeconds("nbf");
        if (nbf != null && now.getEpochSecond() < nbf) throw invalidToken();
        String audience = jwt.audiences().stream().filter(idp.clientIds()::contains).findFirst()
                .orElseThrow(() -> new AwsException("InvalidIdentityToken", 400, "Incorrect token audience"));
        String subject = jwt.claim("sub");

        String prefix = idp.url().substring("https://".length());
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put(prefix + ":aud", List.of(audience));
        keys.put(prefix + ":oaud", jwt.audiences());
        if (subject != null) keys.put(prefix + ":sub", List.of(subject));
        if (jwt.claim("amr") != null) keys.put(prefix + ":amr", amr(jwt));
        keys.put("aws:FederatedProvider", List.of(idp.arn()));
        checkTrust(ctx, role, idp.arn(), WEB_IDENTITY, keys);

        Issued issued = issue(ctx, role, req.roleSessionName(), req.durationSeconds(), req.policy(),
                SessionInputs.policyArns(req.policyArns()));
        return AssumeRoleWithWebIdentityResponse.builder().credentials(StsShapes.credentials(issued.session()))
                .assumedRoleUser(issued.user()).packedPolicySize(issued.packed())
                .subjectFromWebIdentityToken(subject).provider(prefix).audience(audience).build();
    }

    public AssumeRoleWithSamlResponse assumeRoleWithSAML(RequestContext ctx, AssumeRoleWithSamlRequest req) {
        IamRole role = roles.find(req.roleArn()).orElseThrow(() -> notAuthorized(SAML));
        IdentityProvider idp = providers.find(role.accountId(), req.principalArn())
                .filter(p -> p.kind() == IdentityProvider.Kind.SAML)
                .orElseThrow(() -> notAuthorized(SAML));
        SamlAssertion assertion;
        try {
            assertion = SamlAssertion.verify(req.samlAssertion(), SamlMetadata.parse(idp.metadata())
                    .signingCertificates(), clock.instant());
        } catch (FederationException e) {
            throw switch (e.reason()) {
                case EXPIRED -> new AwsException("ExpiredTokenException", 400, "Token expired: " + e.getMessage());
                case SIGNATURE, MALFORMED -> new AwsException("InvalidIdentityToken", 400,
                        "Invalid SAML response: " + e.getMessage());
                default -> new AwsException("IDPRejectedClaim", 403, "Invalid SAML response: " + e.getMessage());
            };
        }
        if (assertion.attribute(SamlAssertion.ROLE_ATTRIBUTE).stream().noneMatch(v -> namesPair(v, role, idp))) {
            throw notAuthorized(SAML);
        }
        List<String> names = assertion.attribute(SamlAssertion.SESSION_NAME_ATTRIBUTE);
        if (names.isEmpty()) {
            throw new AwsException("InvalidIdentityToken", 400,
                    "Invalid SAML response: the RoleSessionName attribute is missing");
        }
        String sessionName = names.get(0);
        if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new AwsException("InvalidIdentityToken", 400,
                    "Invalid SAML response: RoleSessionName must be 2 to 64 characters of [\\w+=,.@-]");
        }
        String providerName = idp.arn().substring(idp.arn().lastIndexOf('/') + 1);
        String nameQualifier = sha1Base64(assertion.issuer() + role.accountId() + "/" + providerName);
        String subjectType = subjectType(assertion.subjectFormat());

        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("saml:aud", List.of(assertion.recipient()));
        if (assertion.subject() != null) keys.put("saml:sub", List.of(assertion.subject()));
        if (subjectType != null) keys.put("saml:sub_type", List.of(subjectType));
        if (assertion.issuer() != null) keys.put("saml:iss", List.of(assertion.issuer()));
        keys.put("saml:namequalifier", List.of(nameQualifier));
        keys.put("saml:doc", List.of(role.accountId() + "/" + providerName));
        keys.put("aws:FederatedProvider", List.of(idp.arn()));
        checkTrust(ctx, role, idp.arn(), SAML, keys);

        Integer requested = req.durationSeconds();
        List<String> durations = assertion.attribute(SamlAssertion.SESSION_DURATION_ATTRIBUTE);
        if (requested == null && !durations.isEmpty()) {
            try {
                requested = Math.min(Integer.parseInt(durations.get(0)), role.maxSessionDuration());
            } catch (NumberFormatException e) {
                requested = null;
            }
        }
        Issued issued = issue(ctx, role, sessionName, requested, req.policy(),
                SessionInputs.policyArns(req.policyArns()));
        return AssumeRoleWithSamlResponse.builder().credentials(StsShapes.credentials(issued.session()))
                .assumedRoleUser(issued.user()).packedPolicySize(issued.packed()).subject(assertion.subject())
                .subjectType(subjectType).issuer(assertion.issuer()).audience(assertion.recipient())
                .nameQualifier(nameQualifier).build();
    }

    private record Issued(StsSession session, AssumedRoleUser user, Integer packed) {}

    private Issued issue(RequestContext ctx, IamRole role, String sessionName, Integer durationSeconds,
                         String policy, List<String> policyArns) {
        int seconds = Optional.ofNullable(durationSeconds).orElse(AssumeRoleProvider.DEFAULT_DURATION);
        if (seconds > role.maxSessionDuration()) throw StsErrors.durationAboveRoleMaximum();
        String inline = SessionInputs.inlinePolicy(policy);
        Integer packed = PackedSize.percent(inline, policyArns, Map.of());
        SessionAttributes attributes = new SessionAttributes(inline, policyArns, Map.of(), null, null, false);
        String sessionArn = Arn.of("sts", "", role.accountId(), "assumed-role/" + role.roleName() + "/" + sessionName)
                .toString();
        String assumedRoleId = role.roleId() + ":" + sessionName;
        StsSession s = sessions.issue(new SessionPrincipal(role.accountId(), PrincipalType.ASSUMED_ROLE, sessionArn,
                assumedRoleId, sessionName, role.arn()), attributes, Duration.ofSeconds(seconds));
        roleStore.noteUse(role.accountId(), role.roleId(), s.created(), ctx.region());
        return new Issued(s, AssumedRoleUser.builder().assumedRoleId(assumedRoleId).arn(sessionArn).build(), packed);
    }

    private void checkTrust(RequestContext ctx, IamRole role, String providerArn, String action,
                            Map<String, List<String>> keys) {
        ConditionContext.Builder c = ConditionContext.builder().time(ctx.receivedAt())
                .putIfPresent("aws:SourceIp", ctx.sourceIp())
                .putIfPresent("aws:RequestedRegion", ctx.region())
                .put("aws:SecureTransport", "false");
        keys.forEach(c::put);
        AuthorizationRequest r = AuthorizationRequest.builder()
                .principal(RequestPrincipal.identityProvider(providerArn))
                .action(action).resource(role.arn()).resourceAccount(role.accountId())
                .resourcePolicy(AttachedPolicy.of(role.arn(), role.trustPolicy(), PolicyKind.TRUST))
                .context(c.build()).build();
        if (!engine.evaluate(r).allowed()) throw notAuthorized(action);
    }

    private void verifySignature(Jwt jwt, IdentityProvider idp) {
        JsonWebKeys keys;
        try {
            keys = oidcKeys.keys(idp.url(), idp.thumbprints(), jwt.keyId());
        } catch (FederationException e) {
            throw new AwsException("InvalidIdentityToken", 400, e.getMessage());
        }
        for (PublicKey k : keys.candidates(jwt.keyId())) if (jwt.verifiedBy(k)) return;
        throw invalidToken();
    }

    private static Jwt parse(String token) {
        try {
            return Jwt.parse(token);
        } catch (FederationException e) {
            throw invalidToken();
        }
    }

    private static List<String> amr(Jwt jwt) {
        var node = jwt.claims().get("amr");
        if (node.isArray()) {
            List<String> out = new java.util.ArrayList<>();
            node.forEach(n -> out.add(n.asText()));
            return out;
        }
        return List.of(node.asText());
    }

    /** The Role attribute value "role-arn,provider-arn", in either order, as AWS accepts it. */
    private static boolean namesPair(String value, IamRole role, IdentityProvider idp) {
        String[] parts = value.split(",");
        if (parts.length != 2) return false;
        String a = parts[0].trim();
        String b = parts[1].trim();
        return a.equalsIgnoreCase(role.arn()) && b.equals(idp.arn()) || b.equalsIgnoreCase(role.arn()) && a.equals(idp.arn());
    }

    private static String subjectType(String format) {
        if (format == null) return null;
        if (format.equals("urn:oasis:names:tc:SAML:2.0:nameid-format:transient")) return "transient";
        if (format.equals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent")) return "persistent";
        return format;
    }

    private static String sha1Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oidcArn(String accountId, String url) {
        try {
            return FederationProvider.oidcArn(accountId, url);
        } catch (AwsException e) {
            throw invalidToken();
        }
    }

    private static AwsException notAuthorized(String action) {
        return new AwsException(StsErrors.ACCESS_DENIED, 403, "Not authorized to perform " + action);
    }

    /** The documented meaning of InvalidIdentityToken. */
    private static AwsException invalidToken() {
        return new AwsException("InvalidIdentityToken", 400, "The web identity token that was passed could not be "
                + "validated by AWS. Get a new identity token from the identity provider and then retry the request.");
    }
}
