package dev.vigil.iam.federation;

import static dev.vigil.iam.federation.FederationException.Reason.AUDIENCE;
import static dev.vigil.iam.federation.FederationException.Reason.EXPIRED;
import static dev.vigil.iam.federation.FederationException.Reason.MALFORMED;
import static dev.vigil.iam.federation.FederationException.Reason.NOT_YET_VALID;
import static dev.vigil.iam.federation.FederationException.Reason.RECIPIENT;
import static dev.vigil.iam.federation.FederationException.Reason.SIGNATURE;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A SAML 2.0 Response posted to STS, verified as AWS documents for AssumeRoleWithSAML: exactly one Assertion;
 * an XML signature by one of the provider's metadata certificates over the Response or the Assertion itself
 * (the signed element is the one read, so wrapped copies are refused); Conditions and the bearer
 * SubjectConfirmation in their validity window; the audience and recipient AWS's SAML endpoint. Immutable.
 *
 * @param attributes the assertion's attributes by Name, each with its values in order
 */
public record SamlAssertion(String issuer, String subject, String subjectFormat, String recipient,
                            Instant notOnOrAfter, Map<String, List<String>> attributes) {
    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String ROLE_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/Role";
    public static final String SESSION_NAME_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
    public static final String SESSION_DURATION_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/SessionDuration";
    /** Clock skew tolerated on NotBefore/NotOnOrAfter, as identity providers' clocks drift. */
    static final Duration SKEW = Duration.ofMinutes(5);
    static final List<String> AUDIENCES = List.of("https://signin.aws.amazon.com/saml", "urn:amazon:webservices");

    public SamlAssertion {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        attributes = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * @param base64Response the SAMLAssertion parameter: the base64-encoded samlp:Response
     * @throws FederationException when any check fails
     */
    public static SamlAssertion verify(String base64Response, List<X509Certificate> certificates, Instant now) {
        Document doc;
        try {
            doc = SafeXml.parse(new String(Base64.getMimeDecoder().decode(base64Response), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new FederationException(MALFORMED, "the SAML response is not base64-encoded XML");
        }
        Element response = doc.getDocumentElement();
        if (!"Response".equals(response.getLocalName()) || !PROTOCOL.equals(response.getNamespaceURI())) {
            throw new FederationException(MALFORMED, "the document is not a samlp:Response");
        }
        Element status = SafeXml.child(response, PROTOCOL, "Status");
        Element code = status == null ? null : SafeXml.child(status, PROTOCOL, "StatusCode");
        if (code == null || !"urn:oasis:names:tc:SAML:2.0:status:Success".equals(code.getAttribute("Value"))) {
            throw new FederationException(MALFORMED, "the SAML response does not report success");
        }
        NodeList assertions = doc.getElementsByTagNameNS(ASSERTION, "Assertion");
        if (assertions.getLength() != 1) {
            throw new FederationException(MALFORMED, "the SAML response must hold exactly one Assertion");
        }
        Element assertion = (Element) assertions.item(0);
        if (assertion.getParentNode() != response) {
            throw new FederationException(MALFORMED, "the Assertion is not a child of the Response");
        }
        markId(response);
        markId(assertion);
        boolean signed = signedBy(response, certificates) || signedBy(assertion, certificates);
        if (!signed) throw new FederationException(SIGNATURE, "the SAML response is not signed by the provider's key");
        return read(assertion, now);
    }

    /** The values of one attribute, empty when absent. */
    public List<String> attribute(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    private static void markId(Element e) {
        if (e.hasAttribute("ID")) e.setIdAttribute("ID", true);
    }

    /** True when the element's own enveloped signature references the element and verifies with a certificate. */
    private static boolean signedBy(Element element, List<X509Certificate> certificates) {
        Element sig = SafeXml.child(element, XMLSignature.XMLNS, "Signature");
        if (sig == null || !element.hasAttribute("ID")) return false;
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        for (X509Certificate cert : certificates) {
            try {
                DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(cert.getPublicKey()), sig);
                ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
                XMLSignature signature = f.unmarshalXMLSignature(ctx);
                List<?> refs = signature.getSignedInfo().getReferences();
                if (refs.size() != 1 || !("#" + element.getAttribute("ID")).equals(((Reference) refs.get(0)).getURI())) {
                    return false;
                }
                if (signature.validate(ctx)) return true;
            } catch (Exception e) {
                // a malformed signature or one by another key: try the next certificate
            }
        }
        return false;
    }

    private static SamlAssertion read(Element assertion, Instant now) {
        String issuer = SafeXml.childText(assertion, ASSERTION, "Issuer");
        Element subject = SafeXml.child(assertion, ASSERTION, "Subject");
        if (subject == null) throw new FederationException(MALFORMED, "the Assertion has no Subject");
        Element nameId = SafeXml.child(subject, ASSERTION, "NameID");
        Element conditions = SafeXml.child(assertion, ASSERTION, "Conditions");
        if (conditions == null) throw new FederationException(MALFORMED, "the Assertion has no Conditions");
        window(conditions, now);
        List<String> audiences = new ArrayList<>();
        NodeList aud = conditions.getElementsByTagNameNS(ASSERTION, "Audience");
        for (int i = 0; i < aud.getLength(); i++) audiences.add(aud.item(i).getTextContent().trim());
        if (audiences.stream().noneMatch(AUDIENCES::contains)) {
            throw new FederationException(AUDIENCE, "the Assertion's audience is not AWS");
        }
        String recipient = null;
        Instant bearerUntil = null;
        NodeList confirmations = subject.getElementsByTagNameNS(ASSERTION, "SubjectConfirmation");
        for (int i = 0; i < confirmations.getLength(); i++) {
            Element c = (Element) confirmations.item(i);
            if (!"urn:oasis:names:tc:SAML:2.0:cm:bearer".equals(c.getAttribute("Method"))) continue;
            Element data = SafeXml.child(c, ASSERTION, "SubjectConfirmationData");
            if (data == null) continue;
            recipient = SafeXml.attribute(data, "Recipient");
            bearerUntil = instant(SafeXml.attribute(data, "NotOnOrAfter"));
        }
        if (recipient == null || !recipient.matches("https://([a-z0-9-]+\\.)?signin\\.aws\\.amazon\\.com/saml")) {
            throw new FederationException(RECIPIENT, "the bearer confirmation's Recipient is not AWS's SAML endpoint");
        }
        if (bearerUntil == null || !now.isBefore(bearerUntil.plus(SKEW))) {
            throw new FederationException(EXPIRED, "the SAML response has expired");
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        NodeList attrs = assertion.getElementsByTagNameNS(ASSERTION, "Attribute");
        for (int i = 0; i < attrs.getLength(); i++) {
            Element a = (Element) attrs.item(i);
            List<String> values = attributes.computeIfAbsent(a.getAttribute("Name"), k -> new ArrayList<>());
            NodeList vs = a.getElementsByTagNameNS(ASSERTION, "AttributeValue");
            for (int j = 0; j < vs.getLength(); j++) values.add(vs.item(j).getTextContent().trim());
        }
        return new SamlAssertion(issuer, nameId == null ? null : nameId.getTextContent().trim(),
                nameId == null ? null : SafeXml.attribute(nameId, "Format"), recipient, bearerUntil, attributes);
    }

    private static void window(Element conditions, Instant now) {
        Instant notBefore = instant(SafeXml.attribute(conditions, "NotBefore"));
        Instant notOnOrAfter = instant(SafeXml.attribute(conditions, "NotOnOrAfter"));
        if (notBefore != null && now.plus(SKEW).isBefore(notBefore)) {
            throw new FederationException(NOT_YET_VALID, "the SAML response is not yet valid");
        }
        if (notOnOrAfter != null && !now.isBefore(notOnOrAfter.plus(SKEW))) {
            throw new FederationException(EXPIRED, "the SAML response has expired");
        }
    }

    private static Instant instant(String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FederationException(MALFORMED, "bad SAML timestamp " + text);
        }
    }
}
