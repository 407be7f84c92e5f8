package jp.mynahealth.taxapp;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a 医療費通知情報 file before anything in it is used: one enveloped XML-DSig signature over
 * the whole document (its one Reference points at the root's id), made by a certificate for
 * signing that chains, valid today, to the demo issuer's root. The chain comes from the
 * signature's KeyInfo; only the root is trusted beforehand. Revocation is not checked: the demo
 * issuer publishes no status for document-signing certificates.
 */
final class SignedNoticeVerifier {

    static final String NAMESPACE = "urn:myna-health:etax:iryohi-tsuchi:1";
    static final String ROOT = "IryohiTsuchi";
    private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE);
    private static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384,
            SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA384, SignatureMethod.ECDSA_SHA512);

    private final Supplier<X509Certificate> root;
    private final Clock clock;

    SignedNoticeVerifier(Supplier<X509Certificate> root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** The verified document's root element; throws {@link NoticeSignatureException} for anything less. */
    Element verify(byte[] xml) {
        Document document = parse(xml);
        Element notice = document.getDocumentElement();
        if (!NAMESPACE.equals(notice.getNamespaceURI()) || !ROOT.equals(notice.getLocalName())
                || notice.getAttribute("id").isEmpty()) {
            throw new NoticeSignatureException("not a medical cost notice");
        }
        notice.setIdAttribute("id", true);
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1 || signatures.item(0).getParentNode() != notice) {
            throw new NoticeSignatureException("expected one signature, enveloped in the notice; found "
                    + signatures.getLength());
        }
        Element signatureElement = (Element) signatures.item(0);
        X509Certificate signer = trustedSigner(signatureElement);
        try {
            DOMValidateContext context = new DOMValidateContext(signer.getPublicKey(), signatureElement);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            coversTheWholeNotice(signature, notice.getAttribute("id"));
            if (!signature.validate(context)) {
                throw new NoticeSignatureException("the signature does not verify (signature value "
                        + signature.getSignatureValue().validate(context) + ", reference "
                        + ((Reference) signature.getSignedInfo().getReferences().get(0)).validate(context) + ")");
            }
        } catch (MarshalException | XMLSignatureException e) {
            throw new NoticeSignatureException("the signature cannot be checked", e);
        }
        return notice;
    }

    /** A signature over part of the file would let the rest be changed: one Reference, to the root, and known transforms only. */
    private static void coversTheWholeNotice(XMLSignature signature, String rootId) {
        var signedInfo = signature.getSignedInfo();
        if (!SIGNATURE_METHODS.contains(signedInfo.getSignatureMethod().getAlgorithm())) {
            throw new NoticeSignatureException("signature method " + signedInfo.getSignatureMethod().getAlgorithm());
        }
        List<?> references = signedInfo.getReferences();
        if (references.size() != 1 || !("#" + rootId).equals(((Reference) references.get(0)).getURI())) {
            throw new NoticeSignatureException("the signature does not cover the whole notice");
        }
        for (Object transform : ((Reference) references.get(0)).getTransforms()) {
            if (!TRANSFORMS.contains(((Transform) transform).getAlgorithm())) {
                throw new NoticeSignatureException("transform " + ((Transform) transform).getAlgorithm());
            }
        }
    }

    /** The end-entity certificate of KeyInfo, once it chains to the root, valid today, and is meant for signing. */
    private X509Certificate trustedSigner(Element signature) {
        List<X509Certificate> certificates = certificatesIn(signature);
        List<X509Certificate> endEntities = certificates.stream().filter(c -> c.getBasicConstraints() < 0).toList();
        if (endEntities.size() != 1) {
            throw new NoticeSignatureException("expected one signing certificate in KeyInfo, found " + endEntities.size());
        }
        X509Certificate signer = endEntities.get(0);
        boolean[] usage = signer.getKeyUsage();
        if (usage == null || !(usage[0] || usage[1])) {
            throw new NoticeSignatureException("the certificate is not for signing: " + signer.getSubjectX500Principal());
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(Set.of(new TrustAnchor(root.get(), null)), target);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certificates)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathBuilder.getInstance("PKIX").build(parameters);
        } catch (GeneralSecurityException e) {
            throw new NoticeSignatureException("the signer " + signer.getSubjectX500Principal()
                    + " does not chain to the trusted root today", e);
        }
        return signer;
    }

    private static List<X509Certificate> certificatesIn(Element signature) {
        List<X509Certificate> certificates = new ArrayList<>();
        NodeList encoded = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < encoded.getLength(); i++) {
                Node node = encoded.item(i);
                byte[] der = Base64.getMimeDecoder().decode(node.getTextContent());
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NoticeSignatureException("unreadable certificate in KeyInfo", e);
        }
        return certificates;
    }

    /** No DTDs, no external entities: the file comes from the network. */
    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new NoticeSignatureException("not well-formed XML", e);
        }
    }
}
