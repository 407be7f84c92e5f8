package jp.mynahealth.taxapp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Test documents signed as the portal signs its 医療費通知情報 (MedicalExpenseXml: enveloped, RSA-SHA256,
 * exclusive C14N, signer and issuing CA in KeyInfo), under a CA hierarchy made here with Bouncy Castle.
 */
final class NoticeFixture {

    /** A root, an issuing CA under it, and a document signer under that: like the demo issuer's. */
    record Hierarchy(X509Certificate root, X509Certificate issuing, X509Certificate signer, PrivateKey signerKey) {

        static Hierarchy make(String name, Instant now) {
            return make(name, now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS));
        }

        /** The signer's certificate valid from {@code from} to {@code to}; the CAs for years around it. */
        static Hierarchy make(String name, Instant from, Instant to) {
            try {
                KeyPair rootKeys = rsa();
                KeyPair issuingKeys = rsa();
                KeyPair signerKeys = rsa();
                Instant caFrom = from.minus(3650, ChronoUnit.DAYS);
                Instant caTo = to.plus(3650, ChronoUnit.DAYS);
                X500Name rootName = new X500Name("C=JP, O=" + name + ", CN=" + name + " Root CA");
                X500Name issuingName = new X500Name("C=JP, O=" + name + ", CN=" + name + " Issuing CA");
                X509Certificate root = certificate(rootName, rootName, rootKeys, rootKeys.getPrivate(), caFrom, caTo, ROOT);
                X509Certificate issuing = certificate(rootName, issuingName, issuingKeys, rootKeys.getPrivate(), caFrom, caTo, 0);
                X509Certificate signer = certificate(issuingName, new X500Name("C=JP, O=" + name + ", CN=" + name + " Data Provider"),
                        signerKeys, issuingKeys.getPrivate(), from, to, END_ENTITY);
                return new Hierarchy(root, issuing, signer, signerKeys.getPrivate());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ROOT = Integer.MAX_VALUE;
    private static final int END_ENTITY = -1;

    private NoticeFixture() {
    }

    /** 見本 太郎's notice for 2025: three lines, stated totals that add up. */
    static Document taroNotice() {
        return notice(2025, List.of(
                new MedicalExpenseNotice.Line(java.time.YearMonth.of(2025, 1), "医科外来", 2, "見本内科クリニック", 12_000, 8_400, 0, 3_600, "全国健康保険協会"),
                new MedicalExpenseNotice.Line(java.time.YearMonth.of(2025, 1), "調剤", 1, "見本薬局", 5_000, 3_500, 0, 1_500, "全国健康保険協会"),
                new MedicalExpenseNotice.Line(java.time.YearMonth.of(2025, 6), "歯科", 3, "見本歯科医院", 20_010, 14_007, 0, 6_003, "全国健康保険協会")));
    }

    static Document notice(int year, List<MedicalExpenseNotice.Line> lines) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            String ns = SignedNoticeVerifier.NAMESPACE;
            Element root = document.createElementNS(ns, "IryohiTsuchi");
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", ns);
            document.appendChild(root);
            root.setAttribute("VR", "1.0");
            root.setAttribute("id", "IRYOHI_TSUCHI");
            root.setIdAttribute("id", true);
            root.setAttribute("page", "1");
            root.setAttribute("sakuseiDay", year + 1 + "-02-01");
            root.setAttribute("sakuseiNM", "全国健康保険協会");
            root.setAttribute("softNM", "test");
            add(root, "SakuseiBi", year + 1 + "-02-01");
            Element shikaku = add(root, "Shikaku", null);
            add(shikaku, "ShimeiKana", "ミホン タロウ");
            add(shikaku, "Shimei", "見本 太郎");
            add(shikaku, "SeinenGappi", "1980-04-01");
            add(shikaku, "Seibetsu", "1");
            Element period = add(root, "TaishoKikan", null);
            add(period, "Kaishi", year + "-01");
            add(period, "Shuryo", year + "-12");
            Element total = add(root, "Gokei", null);
            amounts(total, lines.stream().mapToLong(MedicalExpenseNotice.Line::totalCost).sum(),
                    lines.stream().mapToLong(MedicalExpenseNotice.Line::insurerShare).sum(),
                    lines.stream().mapToLong(MedicalExpenseNotice.Line::publicShare).sum(),
                    lines.stream().mapToLong(MedicalExpenseNotice.Line::patientShare).sum());
            for (MedicalExpenseNotice.Line line : lines) {
                Element meisai = add(root, "Meisai", null);
                add(meisai, "ShinryoNengetsu", line.month().toString());
                add(meisai, "ShinryoKubun", line.category());
                add(meisai, "Nissu", String.valueOf(line.days()));
                add(meisai, "IryoKikanMeisho", line.institution());
                amounts(meisai, line.totalCost(), line.insurerShare(), line.publicShare(), line.patientShare());
                add(meisai, "HokenshaMeisho", line.insurerName());
            }
            return document;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] signed(Document document, Hierarchy keys) {
        try {
            Element root = document.getDocumentElement();
            XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
            Reference reference = signatures.newReference("#IRYOHI_TSUCHI",
                    signatures.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(signatures.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = signatures.newSignedInfo(
                    signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    signatures.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
            KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
            var keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(keys.signer(), keys.issuing()))));
            DOMSignContext context = new DOMSignContext(keys.signerKey(), root);
            context.setDefaultNamespacePrefix("ds");
            signatures.newXMLSignature(signedInfo, keyInfo).sign(context);
            return serialize(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] serialize(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static void amounts(Element parent, long total, long insurer, long publicShare, long patient) {
        add(parent, "IryohiSogaku", String.valueOf(total));
        add(parent, "HokenshaFutan", String.valueOf(insurer));
        add(parent, "SonotaKohiFutan", String.valueOf(publicShare));
        add(parent, "MadoguchiSotoFutan", String.valueOf(patient));
    }

    private static Element add(Element parent, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(SignedNoticeVerifier.NAMESPACE, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair keys, PrivateKey issuerKey,
            Instant from, Instant to, int pathLength) throws Exception {
        boolean ca = pathLength >= 0;
        var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(from), Date.from(to), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, pathLength == ROOT ? new BasicConstraints(true)
                : ca ? new BasicConstraints(pathLength) : new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }
}
