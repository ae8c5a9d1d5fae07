package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Federation (issue 3, deliverables 1 and 4): IAM's OIDC and SAML providers, and STS accepting ID tokens and SAML
 * assertions from a local identity provider whose key pair the test made — signatures verified, claims checked,
 * the role's trust policy deciding with the token's claims as condition keys.
 */
class StsFederationIT extends IamServerFixture {
    static TestIdentityProvider idp;
    static StsClient sts;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = new TestIdentityProvider();
        sts = vigil.client(StsClient.builder());
    }

    @AfterAll
    static void stopIdp() {
        if (sts != null) sts.close();
        if (idp != null) idp.close();
    }

    static String providerHost() { return idp.issuer().substring("https://".length()); }

    static String oidcProvider(String clientId) throws Exception {
        return root.createOpenIDConnectProvider(r -> r.url(idp.issuer()).clientIDList(clientId)
                .thumbprintList(thumbprint())).openIDConnectProviderArn();
    }

    static String thumbprint() {
        try {
            return idp.thumbprint();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String webIdentityRole(String name, String providerArn, String subject) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + providerArn + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\""
                + providerHost() + ":sub\":\"" + subject + "\"}}}]}";
        return root.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
    }

    @Test
    void oidcProviderLifecycle() throws Exception {
        String arn = oidcProvider("app-1");
        assertThat(arn).isEqualTo("arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + providerHost());
        root.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("app-2"));
        root.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("app-2"));
        root.tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(t -> t.key("team").value("a")));
        GetOpenIdConnectProviderResponse got = root.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertThat(got.url()).isEqualTo(providerHost());
        assertThat(got.clientIDList()).containsExactly("app-1", "app-2");
        assertThat(got.thumbprintList()).containsExactly(thumbprint());
        assertThat(got.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=a");
        assertThat(root.listOpenIDConnectProviders().openIDConnectProviderList()).extracting(e -> e.arn()).contains(arn);

        AwsServiceException dup = catchThrowableOfType(AwsServiceException.class, () -> oidcProvider("x"));
        assertThat(dup.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
        assertThat(dup.awsErrorDetails().errorMessage()).isEqualTo("Provider with url " + idp.issuer() + " already exists.");
        AwsServiceException http = catchThrowableOfType(AwsServiceException.class,
                () -> root.createOpenIDConnectProvider(r -> r.url("http://example.com").thumbprintList(thumbprint())));
        assertThat(http.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");

        root.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        AwsServiceException gone = catchThrowableOfType(AwsServiceException.class,
                () -> root.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)));
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    @Test
    void webIdentityTokensAreVerifiedAndTheTrustPolicyDecides() throws Exception {
        String provider = oidcProvider("vigil-app");
        try {
            String roleArn = webIdentityRole(unique("web"), provider, "user-1");
            Instant exp = Instant.now().plusSeconds(600);

            AssumeRoleWithWebIdentityResponse ok = sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn)
                    .roleSessionName("alice").webIdentityToken(token("user-1", "vigil-app", exp)));
            assertThat(ok.subjectFromWebIdentityToken()).isEqualTo("user-1");
            assertThat(ok.audience()).isEqualTo("vigil-app");
            assertThat(ok.provider()).isEqualTo(providerHost());
            assertThat(ok.assumedRoleUser().arn()).endsWith(":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1) + "/alice");
            assertThat(callerArn(ok.credentials())).isEqualTo(ok.assumedRoleUser().arn());

            assertError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("bob")
                    .webIdentityToken(token("user-2", "vigil-app", exp))), "AccessDenied",
                    "Not authorized to perform sts:AssumeRoleWithWebIdentity");
            assertError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("bob")
                    .webIdentityToken(token("user-1", "other-app", exp))), "InvalidIdentityToken", "Incorrect token audience");
            String expired = token("user-1", "vigil-app", Instant.now().minusSeconds(60));
            AwsServiceException e = assertError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn)
                    .roleSessionName("bob").webIdentityToken(expired)), "ExpiredTokenException", null);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("Token expired: current date/time ");

            // A token whose claims were changed after signing: the signature no longer matches.
            String good = token("user-1", "vigil-app", exp);
            String[] parts = good.split("\\.");
            String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("user-1", "user-9")
                            .getBytes()) + "." + parts[2];
            assertError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("eve")
                    .webIdentityToken(forged)), "InvalidIdentityToken", null);

            // The provider's registered thumbprint no longer matches the server's certificate: keys cannot be fetched.
            root.updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(provider)
                    .thumbprintList("0000000000000000000000000000000000000000"));
            assertError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("bob")
                    .webIdentityToken(good)), "InvalidIdentityToken", null);
        } finally {
            root.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(provider));
        }
    }

    @Test
    void tokensFromAnUnregisteredIssuerAreRefused() throws Exception {
        String roleArn = webIdentityRole(unique("web"), "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + providerHost(),
                "user-1");
        assertError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("x")
                        .webIdentityToken(token("user-1", "vigil-app", Instant.now().plusSeconds(60)))),
                "InvalidIdentityToken", "No OpenIDConnect provider found in your account for " + idp.issuer());
    }

    @Test
    void samlAssertionsAreVerifiedAndTheTrustPolicyDecides() throws Exception {
        String name = unique("idp");
        String provider = root.createSAMLProvider(r -> r.name(name).samlMetadataDocument(metadata())).samlProviderArn();
        try {
            GetSamlProviderResponse got = root.getSAMLProvider(r -> r.samlProviderArn(provider));
            assertThat(got.samlMetadataDocument()).isEqualTo(metadata());
            assertThat(got.validUntil()).isAfter(Instant.now().plusSeconds(86400L * 365 * 99));
            String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                    + provider + "\"},\"Action\":\"sts:AssumeRoleWithSAML\",\"Condition\":{\"StringEquals\":{"
                    + "\"saml:aud\":\"https://signin.aws.amazon.com/saml\"}}}]}";
            String roleArn = root.createRole(r -> r.roleName(unique("saml")).assumeRolePolicyDocument(trust)).role().arn();
            String pair = roleArn + "," + provider;

            String assertion = idp.samlResponse("carol@example.com", pair, "carol", Instant.now(), UnaryOperator.identity());
            AssumeRoleWithSamlResponse ok = sts.assumeRoleWithSAML(r -> r.roleArn(roleArn).principalArn(provider)
                    .samlAssertion(assertion));
            assertThat(ok.subject()).isEqualTo("carol@example.com");
            assertThat(ok.subjectType()).isEqualTo("persistent");
            assertThat(ok.issuer()).isEqualTo(idp.issuer() + "/saml");
            assertThat(ok.audience()).isEqualTo("https://signin.aws.amazon.com/saml");
            assertThat(ok.nameQualifier()).isNotBlank();
            assertThat(ok.assumedRoleUser().arn()).endsWith("/carol");
            assertThat(callerArn(ok.credentials())).isEqualTo(ok.assumedRoleUser().arn());

            String tampered = idp.samlResponse("carol@example.com", pair, "carol", Instant.now(),
                    xml -> xml.replace("carol@example.com", "mallory@example.com"));
            assertError(() -> sts.assumeRoleWithSAML(r -> r.roleArn(roleArn).principalArn(provider)
                    .samlAssertion(tampered)), "InvalidIdentityToken", null);
            String stale = idp.samlResponse("carol@example.com", pair, "carol", Instant.now().minusSeconds(3600),
                    UnaryOperator.identity());
            assertError(() -> sts.assumeRoleWithSAML(r -> r.roleArn(roleArn).principalArn(provider)
                    .samlAssertion(stale)), "ExpiredTokenException", null);
            String otherRole = idp.samlResponse("carol@example.com", "arn:aws:iam::" + ACCOUNT + ":role/nope," + provider,
                    "carol", Instant.now(), UnaryOperator.identity());
            assertError(() -> sts.assumeRoleWithSAML(r -> r.roleArn(roleArn).principalArn(provider)
                    .samlAssertion(otherRole)), "AccessDenied", "Not authorized to perform sts:AssumeRoleWithSAML");

            AwsServiceException bad = catchThrowableOfType(AwsServiceException.class,
                    () -> root.createSAMLProvider(r -> r.name(unique("bad")).samlMetadataDocument("<not-metadata/>"
                            + "x".repeat(1000))));
            assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
            assertThat(bad.awsErrorDetails().errorMessage()).isEqualTo("Could not parse metadata");
        } finally {
            root.deleteSAMLProvider(r -> r.samlProviderArn(provider));
        }
        assertThat(root.listSAMLProviders().samlProviderList()).extracting(e -> e.arn()).doesNotContain(provider);
    }

    @Test
    void webIdentityThroughBothClis() throws Exception {
        for (dev.vigil.testkit.AwsCli cli : java.util.List.of(Clis.debian(), Clis.v1())) {
            java.net.URI e = vigil.endpoint();
            dev.vigil.testkit.AwsCli.Result created = cli.run(e, "iam", "create-open-id-connect-provider", "--url",
                    idp.issuer(), "--client-id-list", "cli-app", "--thumbprint-list", thumbprint());
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            String provider = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.stdout())
                    .path("OpenIDConnectProviderArn").asText();
            try {
                String roleArn = webIdentityRole(unique("cli"), provider, "ci-job");
                dev.vigil.testkit.AwsCli.Result assumed = cli.run(e, "sts", "assume-role-with-web-identity",
                        "--role-arn", roleArn, "--role-session-name", "pipeline", "--web-identity-token",
                        token("ci-job", "cli-app", Instant.now().plusSeconds(300)));
                assertThat(assumed.exitCode()).as(assumed.stderr()).isZero();
                assertThat(assumed.stdout()).contains("\"SubjectFromWebIdentityToken\": \"ci-job\"")
                        .contains(":assumed-role/");
                dev.vigil.testkit.AwsCli.Result denied = cli.run(e, "sts", "assume-role-with-web-identity",
                        "--role-arn", roleArn, "--role-session-name", "pipeline", "--web-identity-token",
                        token("someone-else", "cli-app", Instant.now().plusSeconds(300)));
                assertThat(denied.exitCode()).isNotZero();
                assertThat(denied.stderr()).contains("AccessDenied")
                        .contains("Not authorized to perform sts:AssumeRoleWithWebIdentity");
            } finally {
                root.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(provider));
            }
        }
    }

    static String metadata() {
        try {
            return idp.samlMetadata();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(String sub, String aud, Instant exp) {
        try {
            return idp.idToken(sub, aud, exp);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String callerArn(Credentials c) {
        try (StsClient session = StsClient.builder().endpointOverride(vigil.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
                        c.secretAccessKey(), c.sessionToken()))).build()) {
            return session.getCallerIdentity().arn();
        }
    }

    static AwsServiceException assertError(Runnable call, String code, String message) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        if (message != null) assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        return e;
    }
}
