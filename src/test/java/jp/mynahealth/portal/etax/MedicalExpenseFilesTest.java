package jp.mynahealth.portal.etax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import jp.mynahealth.records.CostNotice;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.records.Qualification;
import jp.mynahealth.signer.card.TestCards;

/** The e-Tax files: the signed XML (schema, JDK and xmlsec1 verification, tampering) and the collection form. */
class MedicalExpenseFilesTest {

    @TempDir
    static Path folder;

    private static X509Certificate certificate;
    private static MedicalExpenseXml xml;
    private static final Person PERSON = new Person(new PersonId(UUID.randomUUID()), "見本", "太郎", "ミホン", "タロウ",
            LocalDate.of(1981, 5, 12), 1, "131016");
    private static final Qualification QUALIFICATION = new Qualification("06139129", "見本電機健康保険組合", "健康保険組合",
            "1203", "4567", "00", "本人", 30, LocalDate.of(2024, 4, 1), null, null);
    private static final List<CostNotice> NOTICES = List.of(
            new CostNotice(1, YearMonth.of(2025, 1), "1311000000", "さくら通り内科クリニック", "外来", 2, 8_360, 5_850, 0, 2_510,
                    "見本電機健康保険組合"),
            new CostNotice(2, YearMonth.of(2025, 1), "1341000000", "見本調剤薬局 駅前店", "調剤", 2, 6_000, 4_200, 0, 1_800,
                    "見本電機健康保険組合"),
            new CostNotice(3, YearMonth.of(2025, 12), "1311000000", "さくら通り内科クリニック", "外来", 1, 4_180, 2_930, 0, 1_250,
                    "見本電機健康保険組合"));
    private static final TaxYear YEAR = TaxYear.of(2025, NOTICES, LocalDate.of(2026, 9, 30));

    @BeforeAll
    static void signingKey() throws Exception {
        KeyPair keys = TestCards.keys("RSA", 2048);
        certificate = TestCards.certificate(keys, "SHA256withRSA");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signing", keys.getPrivate(), "secret".toCharArray(), new Certificate[] { certificate });
        try (OutputStream out = Files.newOutputStream(folder.resolve("provider.p12"))) {
            store.store(out, "secret".toCharArray());
        }
        Files.writeString(folder.resolve("provider.password"), "secret");
        xml = new MedicalExpenseXml(new SigningKey(folder.resolve("provider.p12"), folder.resolve("provider.password")));
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static boolean verifies(Document document) throws Exception {
        Element root = document.getDocumentElement();
        root.setIdAttribute("id", true);
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), signatures.item(0));
        return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context);
    }

    @Test
    void theXmlIsValidAgainstOurSchemaAndCarriesTheNotice() throws Exception {
        byte[] file = xml.build(PERSON, QUALIFICATION, YEAR, LocalDate.of(2026, 11, 24));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/etax/iryohi-tsuchi-1.xsd"))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(file)));
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).contains("id=\"IRYOHI_TSUCHI\"", "sakuseiDay=\"2026-11-24\"", "<Shimei>見本 太郎</Shimei>",
                "<ShinryoKubun>医科外来</ShinryoKubun>", "<MadoguchiSotoFutan>5560</MadoguchiSotoFutan>", "ds:Signature",
                "http://www.w3.org/2001/10/xml-exc-c14n#", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    }

    @Test
    void theSignatureVerifiesAndAnyChangeBreaksIt() throws Exception {
        byte[] file = xml.build(PERSON, QUALIFICATION, YEAR, LocalDate.of(2026, 11, 24));
        assertThat(verifies(parse(file))).isTrue();
        String tampered = new String(file, StandardCharsets.UTF_8)
                .replace("<MadoguchiSotoFutan>5560</MadoguchiSotoFutan>", "<MadoguchiSotoFutan>95560</MadoguchiSotoFutan>");
        assertThat(tampered).isNotEqualTo(new String(file, StandardCharsets.UTF_8));
        assertThat(verifies(parse(tampered.getBytes(StandardCharsets.UTF_8)))).isFalse();
    }

    @Test
    void theSameDataAndDayGiveTheSameBytes() {
        assertThat(xml.build(PERSON, QUALIFICATION, YEAR, LocalDate.of(2026, 11, 24)))
                .isEqualTo(xml.build(PERSON, QUALIFICATION, YEAR, LocalDate.of(2026, 11, 24)));
    }

    @Test
    void xmlsec1VerifiesTheFileAndRefusesATamperedOne() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/xmlsec1")), "xmlsec1 is not installed (.ci/run installs it)");
        Path good = folder.resolve("good.xml");
        Files.write(good, xml.build(PERSON, QUALIFICATION, YEAR, LocalDate.of(2026, 11, 24)));
        Path trusted = folder.resolve("trusted.pem");
        Files.writeString(trusted, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        assertThat(xmlsec1(good, trusted)).isZero();
        Path bad = folder.resolve("bad.xml");
        Files.writeString(bad, Files.readString(good).replace("<Nissu>2</Nissu>", "<Nissu>3</Nissu>"));
        assertThat(xmlsec1(bad, trusted)).isNotZero();
    }

    private static int xmlsec1(Path file, Path trusted) throws Exception {
        Process process = new ProcessBuilder("xmlsec1", "--verify", "--trusted-pem", trusted.toString(),
                "--id-attr:id", MedicalExpenseXml.NAMESPACE + ":IryohiTsuchi", file.toString())
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @Test
    void theCollectionFormHasOneRowPerPayeeWithTheKindMarkedAndTheSums() throws Exception {
        byte[] file = new MedicalExpenseWorkbook().build("見本 太郎", NOTICES, LocalDate.of(2026, 11, 24));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheet("医療費集計フォーム");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("医療を受けた人");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("支払った医療費の金額");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("左のうち、補填される金額");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row clinic = sheet.getRow(1);
            assertThat(clinic.getCell(2).getStringCellValue()).isEqualTo("さくら通り内科クリニック");
            assertThat(clinic.getCell(3).getStringCellValue()).isEqualTo("該当する");
            assertThat(clinic.getCell(7).getNumericCellValue()).isEqualTo(3_760);
            Row pharmacy = sheet.getRow(2);
            assertThat(pharmacy.getCell(4).getStringCellValue()).isEqualTo("該当する");
            assertThat(pharmacy.getCell(3)).isNull();
            assertThat(pharmacy.getCell(7).getNumericCellValue()).isEqualTo(1_800);
        }
        assertThat(new MedicalExpenseWorkbook().build("見本 太郎", NOTICES, LocalDate.of(2026, 11, 24))).isEqualTo(file);
    }

    @Test
    void libreOfficeOpensTheCollectionForm() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        assumeTrue(Files.isExecutable(soffice), "LibreOffice is not installed here: the conversion check is skipped");
        Path input = folder.resolve("form.xlsx");
        Files.write(input, new MedicalExpenseWorkbook().build("見本 太郎", NOTICES, LocalDate.of(2026, 11, 24)));
        Process process = new ProcessBuilder(soffice.toString(), "--headless", "--convert-to", "csv", "--outdir",
                folder.toString(), input.toString()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(folder.resolve("form.csv"))).contains("さくら通り内科クリニック");
    }

    @Test
    void aFormWithMorePayeesThanRowsIsRefused() {
        List<CostNotice> many = java.util.stream.IntStream.range(0, MedicalExpenseWorkbook.ROW_LIMIT + 1)
                .mapToObj(i -> new CostNotice(i, YearMonth.of(2025, 1), "x", "医院" + i, "外来", 1, 100, 70, 0, 30, "s"))
                .toList();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MedicalExpenseWorkbook.lines("x", many))
                .isInstanceOf(MedicalExpenseWorkbook.TooManyRowsException.class);
    }
}
