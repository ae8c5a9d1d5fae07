package dev.vigil.iam.federation;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An IdP's SAML 2.0 metadata document, as IAM reads it: the entity id, the signing certificates of its
 * IDPSSODescriptor (KeyDescriptors with use="signing" or no use), and validUntil. Immutable.
 */
public record SamlMetadata(String entityId, List<X509Certificate> signingCertificates, Instant validUntil) {
    public static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    public SamlMetadata {
        signingCertificates = List.copyOf(signingCertificates);
    }

    /** @throws IllegalArgumentException when the document is not IdP metadata with at least one signing certificate */
    public static SamlMetadata parse(String document) {
        Document doc = SafeXml.parse(document);
        Element root = doc.getDocumentElement();
        if (!"EntityDescriptor".equals(root.getLocalName()) || !MD.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException("the document element is not an md:EntityDescriptor");
        }
        Element idp = SafeXml.child(root, MD, "IDPSSODescriptor");
        if (idp == null) throw new IllegalArgumentException("no IDPSSODescriptor");
        List<X509Certificate> certs = new ArrayList<>();
        NodeList keys = idp.getElementsByTagNameNS(MD, "KeyDescriptor");
        for (int i = 0; i < keys.getLength(); i++) {
            Element kd = (Element) keys.item(i);
            String use = SafeXml.attribute(kd, "use");
            if (use != null && !use.equals("signing")) continue;
            NodeList x509 = kd.getElementsByTagNameNS(DS, "X509Certificate");
            for (int j = 0; j < x509.getLength(); j++) certs.add(certificate(x509.item(j).getTextContent()));
        }
        if (certs.isEmpty()) throw new IllegalArgumentException("no signing certificate");
        return new SamlMetadata(SafeXml.attribute(root, "entityID"), certs, validUntil(root));
    }

    static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.trim());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad X509Certificate: " + e.getMessage(), e);
        }
    }

    private static Instant validUntil(Element root) {
        String v = SafeXml.attribute(root, "validUntil");
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad validUntil: " + v, e);
        }
    }
}
