package jp.mynahealth.portal.etax;

import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import jp.mynahealth.records.CostNotice;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.Qualification;

/**
 * The medical cost notice (医療費通知情報) of one person and year as an XML file for e-Tax, signed
 * with an enveloped XML-DSig signature (RSA-SHA256, exclusive C14N) by the data provider, with its
 * certificate chain in KeyInfo. No official schema of the insurer's file is public: the structure
 * follows the items of the notice Mynaportal hands out and the e-Tax file conventions (a root named
 * after the form, attributes VR id page sakuseiDay sakuseiNM softNM, the signature's Reference
 * pointing at the root's id); our schema is {@code etax/iryohi-tsuchi-1.xsd}. The same data and
 * signing day always give the same bytes (RSA PKCS#1 v1.5 signatures are deterministic).
 */
@Component
public class MedicalExpenseXml {

    public static final String NAMESPACE = "urn:myna-health:etax:iryohi-tsuchi:1";
    public static final String ROOT_ID = "IRYOHI_TSUCHI";
    static final String SOFTWARE = "Myna Health Portal 0.1";

    /** 診療区分 as the notice names them. */
    private static final Map<String, String> KUBUN = Map.of("入院", "医科入院", "外来", "医科外来", "歯科", "歯科",
            "調剤", "調剤", "訪問看護", "訪問看護");

    private final SigningKey signingKey;

    MedicalExpenseXml(SigningKey signingKey) {
        this.signingKey = signingKey;
    }

    public byte[] build(Person person, Qualification qualification, TaxYear year, LocalDate signedOn) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element root = document.createElementNS(NAMESPACE, "IryohiTsuchi");
            // Declared as an attribute, so the canonical form signed now is the one a verifier parses.
            root.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", NAMESPACE);
            document.appendChild(root);
            root.setAttribute("VR", "1.0");
            root.setAttribute("id", ROOT_ID);
            root.setIdAttribute("id", true);
            root.setAttribute("page", "1");
            root.setAttribute("sakuseiDay", signedOn.toString());
            root.setAttribute("sakuseiNM", qualification == null ? "" : qualification.insurerName());
            root.setAttribute("softNM", SOFTWARE);

            add(root, "SakuseiBi", signedOn.toString());
            Element shikaku = add(root, "Shikaku", null);
            add(shikaku, "ShimeiKana", person.fullNameKana());
            add(shikaku, "Shimei", person.fullName());
            add(shikaku, "SeinenGappi", person.birthDate().toString());
            add(shikaku, "Seibetsu", String.valueOf(person.sex()));
            if (qualification != null) {
                add(shikaku, "HokenshaBango", qualification.insurerNumber());
                if (qualification.symbol() != null) {
                    add(shikaku, "Kigo", qualification.symbol());
                }
                add(shikaku, "Bango", qualification.number());
                add(shikaku, "Edaban", qualification.branch());
            }
            Element period = add(root, "TaishoKikan", null);
            add(period, "Kaishi", year.year() + "-01");
            add(period, "Shuryo", year.year() + "-12");
            Element total = add(root, "Gokei", null);
            long insurer = year.notices().stream().mapToLong(CostNotice::insurerShare).sum();
            long publicShare = year.notices().stream().mapToLong(CostNotice::publicShare).sum();
            amounts(total, year.summary().all().totalCost(), insurer, publicShare, year.summary().all().patientShare());
            for (CostNotice notice : year.notices()) {
                Element line = add(root, "Meisai", null);
                add(line, "ShinryoNengetsu", notice.serviceMonth().toString());
                add(line, "ShinryoKubun", KUBUN.getOrDefault(notice.category(), notice.category()));
                add(line, "Nissu", String.valueOf(notice.days()));
                add(line, "IryoKikanMeisho", notice.institutionName());
                amounts(line, notice.totalCost(), notice.insurerShare(), notice.publicShare(), notice.patientShare());
                add(line, "HokenshaMeisho", notice.insurerName());
            }
            sign(root);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (SigningKey.UnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not make the signed medical expense file", e);
        }
    }

    private static void amounts(Element parent, long total, long insurer, long publicShare, long patient) {
        add(parent, "IryohiSogaku", String.valueOf(total));
        add(parent, "HokenshaFutan", String.valueOf(insurer));
        add(parent, "SonotaKohiFutan", String.valueOf(publicShare));
        add(parent, "MadoguchiSotoFutan", String.valueOf(patient));
    }

    private static Element add(Element parent, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private void sign(Element root) throws Exception {
        SigningKey.Loaded key = signingKey.get();
        XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
        Reference reference = signatures.newReference("#" + ROOT_ID,
                signatures.newDigestMethod(DigestMethod.SHA256, null),
                List.of(signatures.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                null, null);
        SignedInfo signedInfo = signatures.newSignedInfo(
                signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                signatures.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
        KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
        // The signer's certificate and its issuing CA, so a verifier needs only the root.
        List<X509Certificate> chain = key.chain().subList(0, Math.min(2, key.chain().size()));
        KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.copyOf(chain))));
        DOMSignContext context = new DOMSignContext(key.key(), root);
        context.setDefaultNamespacePrefix("ds");
        signatures.newXMLSignature(signedInfo, keyInfo).sign(context);
    }
}
