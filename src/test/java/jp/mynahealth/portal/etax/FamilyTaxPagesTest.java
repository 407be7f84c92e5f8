package jp.mynahealth.portal.etax;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.SAKURA;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.portal.proxies.ProxyGrant;
import jp.mynahealth.portal.proxies.ProxyGrantRepository;
import jp.mynahealth.records.CostNotice;
import jp.mynahealth.records.CostNoticeRepository;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.FreePort;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.ReadStoreTest;

/**
 * The family's tax return through the portal's real chain on the demo store: 見本 太郎 adds his
 * daughter さくら (a legal representative's grant with e-Tax) to his own year, and only through his
 * own live grants with e-Tax; every member's data read is logged on that member's chain naming him.
 */
class FamilyTaxPagesTest {

    private static MockMvc mvc;
    private static JdbcClient jdbc;
    private static ProxyGrantRepository grants;
    private static CostNoticeRepository notices;
    private static PublicKey providerKey;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        var portal = PortalRole.roles().context(Role.PORTAL);
        jdbc = portal.getBean(JdbcClient.class);
        grants = portal.getBean(ProxyGrantRepository.class);
        notices = portal.getBean(CostNoticeRepository.class);
        DataFolder data = portal.getBean(DataFolder.class);
        if (!Files.exists(data.resolve("ca/data-provider.p12"))) {
            // The demo issuer makes the data provider's signing key on its first start, on the tests' fixed day.
            Application.start("--roles=ca", "--myna.ca.port=" + FreePort.next(),
                    "--myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00").close();
        }
        providerKey = portal.getBean(SigningKey.class).get().chain().get(0).getPublicKey();
    }

    private static long grantOf(UUID proxy, UUID principal) {
        return grants.principalsOf(new PersonId(proxy)).stream().filter(g -> g.principal().value().equals(principal))
                .findFirst().map(ProxyGrant::grantId).orElseThrow();
    }

    private static MockHttpServletResponse taro(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(TARO))).andReturn().getResponse();
    }

    private static long paid(UUID person) {
        return notices.ofYear(new PersonId(person), 2025).stream().mapToLong(CostNotice::patientShare).sum();
    }

    private static long logRows(UUID person, UUID actor, String action) {
        return jdbc.sql("""
                select count(*) from portal.access_log
                where person_id = :p and action = :a and actor_id is not distinct from :actor
                """).param("p", person).param("a", action).param("actor", actor).query(Long.class).single();
    }

    private static String sakura() {
        return String.valueOf(grantOf(TARO, SAKURA));
    }

    @Test
    void taroSeesWhomHeMayAddAndTheHouseholdOnceHeAddsSakura() throws Exception {
        String own = taro(get("/etax").param("year", "2025")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("家族の医療費を加える", "生計を一にする親族", "家族のうち1人がまとめて申告します",
                "name=\"member\" id=\"member-" + sakura() + "\"", ">見本 さくら</label>")
                .as("一郎's grant has no e-Tax").doesNotContain("見本 一郎</label>");

        long before = logRows(SAKURA, TARO, "view_tax_year");
        MockHttpServletResponse response = taro(get("/etax").param("year", "2025").param("member", sakura()));
        assertThat(response.getStatus()).isEqualTo(200);
        String family = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(family).contains("家族の合計", "見本 太郎", "見本 さくら", String.format("%,d円", paid(TARO) + paid(SAKURA)),
                "/etax/2025/iryohi.xlsx?member=" + sakura(), "/etax/2025/iryohi.zip?member=" + sakura(),
                "/etax/2025/iryohi.xml?member=" + sakura(), "/etax/2025/statement?member=" + sakura(),
                "見本 さくら さんの医療費通知情報をダウンロード", "見本 太郎 さんの医療費通知情報をダウンロード",
                "id=\"member-" + sakura() + "\" value=\"" + sakura() + "\" checked");
        assertThat(logRows(SAKURA, TARO, "view_tax_year")).isEqualTo(before + 1);
    }

    @Test
    void theEstimateSumsTheHousehold() throws Exception {
        long household = paid(TARO) + paid(SAKURA);
        long income = 1_000_000;
        DeductionEstimate expected = DeductionEstimate.of(household, 0, income);
        String answer = taro(post("/etax").param("year", "2025").param("income", String.valueOf(income))
                .param("member", sakura()).with(csrf()).header("HX-Request", "true")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("id=\"estimate\"", "見本 太郎、見本 さくら の医療費を合わせて計算しています",
                String.format("%,d円", household), String.format("%,d円", expected.deduction()));
    }

    @Test
    void theCollectionFormListsBothUnderTheirNamesSelfFirst() throws Exception {
        long sakurasBefore = logRows(SAKURA, TARO, "download_tax_xlsx");
        long taroBefore = logRows(TARO, null, "download_tax_xlsx");
        MockHttpServletResponse response = taro(get("/etax/2025/iryohi.xlsx").param("member", sakura()));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"iryohi-shukei-2025-family.xlsx\"");
        List<String> people = new ArrayList<>();
        long sum = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet(MedicalExpenseWorkbook.SHEET);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("医療を受けた人");
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                people.add(row.getCell(1).getStringCellValue());
                sum += (long) row.getCell(7).getNumericCellValue();
            }
        }
        assertThat(people).contains("見本 太郎", "見本 さくら").containsOnly("見本 太郎", "見本 さくら");
        assertThat(people.indexOf("見本 さくら")).as("self first").isGreaterThan(people.lastIndexOf("見本 太郎"));
        assertThat(sum).isEqualTo(paid(TARO) + paid(SAKURA));
        assertThat(logRows(SAKURA, TARO, "download_tax_xlsx")).as("on さくら's chain, naming 太郎").isEqualTo(sakurasBefore + 1);
        assertThat(logRows(TARO, null, "download_tax_xlsx")).as("太郎's own").isEqualTo(taroBefore + 1);
    }

    @Test
    void theZipHoldsOneSignedFilePerPersonAndEachVerifies() throws Exception {
        long sakurasBefore = logRows(SAKURA, TARO, "download_tax_xml");
        MockHttpServletResponse response = taro(get("/etax/2025/iryohi.zip").param("member", sakura()));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(files.keySet()).containsExactly("01_見本太郎_医療費通知情報_2025年分.xml", "02_見本さくら_医療費通知情報_2025年分.xml");
        List<String> names = new ArrayList<>();
        for (byte[] file : files.values()) {
            Document document = parse(file);
            assertThat(verifies(document)).isTrue();
            names.add(document.getElementsByTagNameNS(MedicalExpenseXml.NAMESPACE, "Shimei").item(0).getTextContent());
        }
        assertThat(names).containsExactly("見本 太郎", "見本 さくら");
        assertThat(logRows(SAKURA, TARO, "download_tax_xml")).isEqualTo(sakurasBefore + 1);
    }

    @Test
    void eachMembersSignedFileDownloadsOnItsOwn() throws Exception {
        long taroBefore = logRows(TARO, null, "download_tax_xml");
        MockHttpServletResponse response = taro(get("/etax/2025/iryohi.xml").param("member", sakura()));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"iryohi-tsuchi-2025-family.xml\"")
                .contains("%E8%A6%8B%E6%9C%AC%E3%81%95%E3%81%8F%E3%82%89.xml");
        Document document = parse(response.getContentAsByteArray());
        assertThat(verifies(document)).isTrue();
        assertThat(document.getElementsByTagNameNS(MedicalExpenseXml.NAMESPACE, "Shimei").item(0).getTextContent())
                .isEqualTo("見本 さくら");
        assertThat(logRows(TARO, null, "download_tax_xml")).as("太郎's own data was not in it").isEqualTo(taroBefore);
        assertThat(taro(get("/etax/2025/iryohi.xml").param("member", sakura()).param("member", sakura())).getStatus())
                .isEqualTo(200);
    }

    @Test
    void theStatementListsEachPersonWithSubtotals() throws Exception {
        String statement = taro(get("/etax/2025/statement").param("member", sakura())).getContentAsString(StandardCharsets.UTF_8);
        assertThat(statement).contains("2025年分 医療費の明細", "見本 太郎、見本 さくら", "見本 太郎 さんの明細", "見本 さくら さんの明細",
                "見本 太郎 さんの小計", "見本 さくら さんの小計", "家族の合計", String.format("%,d円", paid(SAKURA)),
                String.format("%,d円", paid(TARO) + paid(SAKURA)));
    }

    @Test
    void onlyTaroOwnLiveGrantsWithETaxCanBeAdded() throws Exception {
        String ichiro = String.valueOf(grantOf(TARO, ICHIRO));
        String hanakosGrantForSakura = String.valueOf(grantOf(HANAKO, SAKURA));
        for (String forged : List.of(ichiro, hanakosGrantForSakura, "999999999", "abc", "-1")) {
            for (String path : List.of("/etax", "/etax/2025/iryohi.xlsx", "/etax/2025/iryohi.xml", "/etax/2025/iryohi.zip",
                    "/etax/2025/statement")) {
                assertThat(taro(get(path).param("member", forged)).getStatus()).as(path + " member=" + forged).isEqualTo(404);
            }
            assertThat(taro(post("/etax").param("year", "2025").param("income", "1000000").param("member", forged)
                    .with(csrf())).getStatus()).isEqualTo(404);
            assertThat(taro(get("/etax/2025/iryohi.xlsx").param("member", sakura()).param("member", forged)).getStatus())
                    .as("one good id does not carry a forged one").isEqualTo(404);
        }
        assertThat(taro(get("/etax/2025/iryohi.xml").param("member", sakura()).param("member", String.valueOf(grantOf(TARO, SAKURA))))
                .getStatus()).isEqualTo(200);
    }

    @Test
    void whileActingForSakuraTheViewIsHersAndMembersAreRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        var started = mvc.perform(post("/proxies/act").param("grant", sakura()).with(csrf()).session(session).with(as(TARO)))
                .andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(302);
        MockHttpServletResponse page = mvc.perform(get("/etax").param("year", "2025").session(session).with(as(TARO)))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("見本 さくら さんの代理で表示中")
                .doesNotContain("家族の医療費を加える", "iryohi.zip");
        for (String path : List.of("/etax", "/etax/2025/iryohi.xlsx", "/etax/2025/iryohi.zip", "/etax/2025/statement")) {
            assertThat(mvc.perform(get(path).param("member", sakura()).session(session).with(as(TARO))).andReturn()
                    .getResponse().getStatus()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aKioskPrintsTheFamilyStatementButGivesNoFiles() throws Exception {
        var kiosk = oidcLogin().idToken(token -> token.subject(TARO.toString()).claim("acr", "urn:myna-health:acr:card")
                .claim("channel", "kiosk").claim("terminal_id", "demo-kiosk-01"));
        String page = mvc.perform(get("/etax").param("year", "2025").param("member", sakura()).with(kiosk)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("家族の合計", "/etax/2025/statement?member=" + sakura()).doesNotContain("iryohi.zip", "iryohi.xlsx");
        assertThat(mvc.perform(get("/etax/2025/iryohi.zip").param("member", sakura()).with(kiosk)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/etax/2025/statement").param("member", sakura()).with(kiosk)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static boolean verifies(Document document) throws Exception {
        Element root = document.getDocumentElement();
        root.setIdAttribute("id", true);
        var signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        DOMValidateContext context = new DOMValidateContext(providerKey, signatures.item(0));
        return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context);
    }
}
