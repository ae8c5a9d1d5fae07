package dev.vigil.it;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A local identity provider for the federation tests: an RSA key pair with a self-signed certificate (made by the
 * JDK's keytool), an HTTPS server on loopback publishing an OpenID configuration and JWKS, ID tokens signed RS256,
 * and SAML responses signed with an enveloped XML signature. Not thread-safe; one per test class.
 */
final class TestIdentityProvider implements AutoCloseable {
    static final String KID = "vigil-test-key";
    private final PrivateKey key;
    private final X509Certificate cert;
    private final HttpsServer https;

    TestIdentityProvider() throws Exception {
        Path dir = Files.createTempDirectory("vigil-idp");
        Path store = dir.resolve("idp.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "idp", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(out, StandardCharsets.UTF_8));
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) ks.getKey("idp", "changeit".toCharArray());
        cert = (X509Certificate) ks.getCertificate("idp");
        Files.delete(store);
        Files.delete(dir);

        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ssl));
        https.createContext("/.well-known/openid-configuration", x -> respond(x,
                "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\"}"));
        https.createContext("/jwks", x -> respond(x, jwks()));
        https.start();
    }

    /** The issuer URL: https on loopback, with the server's port. */
    String issuer() { return "https://127.0.0.1:" + https.getAddress().getPort(); }

    /** What CreateOpenIDConnectProvider's ThumbprintList takes: SHA-1 of the (self-signed) certificate. */
    String thumbprint() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
    }

    /** An ID token signed with the provider's key. */
    String idToken(String subject, String audience, Instant expires) throws Exception {
        String header = b64("{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"" + issuer() + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + audience
                + "\",\"iat\":" + (expires.getEpochSecond() - 600) + ",\"exp\":" + expires.getEpochSecond() + "}");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    /** IdP metadata naming the signing certificate, as CreateSAMLProvider takes it. */
    String samlMetadata() throws Exception {
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + issuer()
                + "/saml\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
                + "<ds:X509Data><ds:X509Certificate>" + Base64.getEncoder().encodeToString(cert.getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\""
                + issuer() + "/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    /**
     * A base64 SAML Response whose Assertion is signed; {@code tamper} rewrites the signed XML afterwards.
     * @param roleAttribute the Role attribute value "role-arn,provider-arn"
     */
    String samlResponse(String subject, String roleAttribute, String sessionName, Instant issued,
                        java.util.function.UnaryOperator<String> tamper) throws Exception {
        Instant until = issued.plusSeconds(300);
        String assertionId = "_a" + new BigInteger(64, new java.security.SecureRandom()).toString(16);
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r1\" Version=\"2.0\" IssueInstant=\""
                + issued + "\" Destination=\"https://signin.aws.amazon.com/saml\">"
                + "<saml:Issuer>" + issuer() + "/saml</saml:Issuer>"
                + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
                + "<saml:Assertion ID=\"" + assertionId + "\" Version=\"2.0\" IssueInstant=\"" + issued + "\">"
                + "<saml:Issuer>" + issuer() + "/saml</saml:Issuer>"
                + "<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">"
                + subject + "</saml:NameID><saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
                + "<saml:SubjectConfirmationData NotOnOrAfter=\"" + until
                + "\" Recipient=\"https://signin.aws.amazon.com/saml\"/></saml:SubjectConfirmation></saml:Subject>"
                + "<saml:Conditions NotBefore=\"" + issued.minusSeconds(5) + "\" NotOnOrAfter=\"" + until + "\">"
                + "<saml:AudienceRestriction><saml:Audience>https://signin.aws.amazon.com/saml</saml:Audience>"
                + "</saml:AudienceRestriction></saml:Conditions>"
                + "<saml:AttributeStatement>"
                + "<saml:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/Role\"><saml:AttributeValue>"
                + roleAttribute + "</saml:AttributeValue></saml:Attribute>"
                + "<saml:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/RoleSessionName\">"
                + "<saml:AttributeValue>" + sessionName + "</saml:AttributeValue></saml:Attribute>"
                + "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element assertion = (Element) doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
        assertion.setIdAttribute("ID", true);
        XMLSignatureFactory sf = XMLSignatureFactory.getInstance("DOM");
        Reference ref = sf.newReference("#" + assertionId, sf.newDigestMethod(DigestMethod.SHA256, null),
                List.of(sf.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        sf.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)), null, null);
        SignedInfo si = sf.newSignedInfo(sf.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                (C14NMethodParameterSpec) null), sf.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(ref));
        // SAML's schema puts the Signature right after the Assertion's Issuer.
        DOMSignContext ctx = new DOMSignContext(key, assertion, assertion.getFirstChild().getNextSibling());
        sf.newXMLSignature(si, null).sign(ctx);
        StringWriter w = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(w));
        return Base64.getEncoder().encodeToString(tamper.apply(w.toString()).getBytes(StandardCharsets.UTF_8));
    }

    private String jwks() {
        RSAPublicKey pub = (RSAPublicKey) cert.getPublicKey();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
                + unsigned(pub.getModulus()) + "\",\"e\":\"" + unsigned(pub.getPublicExponent()) + "\"}]}";
    }

    private static String unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b[0] == 0) b = java.util.Arrays.copyOfRange(b, 1, b.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange x, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() { https.stop(0); }
}
