package jp.mynahealth.portal.etax;

import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.support.FreePort;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.ReadStoreTest;

/** The e-Tax page and downloads through the portal's chain, signed with the demo issuer's provider key. */
class EtaxPagesTest {

    private static MockMvc mvc;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        jdbc = PortalRole.roles().context(Role.PORTAL).getBean(JdbcClient.class);
        DataFolder data = PortalRole.roles().context(Role.PORTAL).getBean(DataFolder.class);
        if (!Files.exists(data.resolve("ca/data-provider.p12"))) {
            // The demo issuer makes the data provider's signing key on its first start.
            // On the tests' fixed day, as every role here: keys made on the real day would not yet be valid on it.
            Application.start("--roles=ca", "--myna.ca.port=" + FreePort.next(),
                    "--myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00").close();
        }
    }

    @Test
    void thePageShowsLastYearsTotalsAndWhatIsIncomplete() throws Exception {
        String page = mvc.perform(get("/etax").with(as(ICHIRO))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("2025年分の医療費", "医療費通知情報（電子署名付きXML）をダウンロード", "/etax/2025/iryohi.xml",
                "/etax/2025/iryohi.xlsx", "総所得金額等");
        String thisYear = mvc.perform(get("/etax").param("year", "2026").with(as(ICHIRO))).andReturn().getResponse()
                .getContentAsString();
        assertThat(thisYear).contains("まだそろっていません", "令和8年11月", "令和8年12月");
        mvc.perform(get("/etax").param("year", "1999").with(as(ICHIRO))).andExpect(status().isBadRequest());
    }

    @Test
    void theEstimateUsesTheTypedIncomeWithoutStoringIt() throws Exception {
        long before = jdbc.sql("select count(*) from portal.access_log").query(Long.class).single();
        String answer = mvc.perform(post("/etax").param("year", "2025").param("income", "1,500,000").with(as(ICHIRO)).with(csrf())
                .header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("id=\"estimate\"", "75,000円（総所得金額等の5%）", "医療費控除の額").doesNotContain("<html");
        String logged = jdbc.sql("select string_agg(action || result, ',') from portal.access_log").query(String.class).single();
        assertThat(logged).doesNotContain("1500000", "1,500,000");
        assertThat(jdbc.sql("select count(*) from portal.access_log").query(Long.class).single()).isEqualTo(before + 1);
        String refused = mvc.perform(post("/etax").param("year", "2025").param("income", "たくさん").with(as(ICHIRO)).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("error-summary", "href=\"#income\"");
    }

    @Test
    void theSignedXmlDownloadsWithItsNamesAndNoCaching() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/etax/2025/iryohi.xml").with(as(ICHIRO)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/xml");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"iryohi-tsuchi-2025.xml\"; "
                + "filename*=UTF-8''%E5%8C%BB%E7%99%82%E8%B2%BB%E9%80%9A%E7%9F%A5%E6%83%85%E5%A0%B1_2025%E5%B9%B4%E5%88%86.xml");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        String xml = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("<Shimei>見本 一郎</Shimei>", "<ShinryoKubun>医科入院</ShinryoKubun>", "X509Certificate");
        byte[] again = mvc.perform(get("/etax/2025/iryohi.xml").with(as(ICHIRO))).andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(response.getContentAsByteArray());
    }

    @Test
    void theCollectionFormDownloadsAsXlsx() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/etax/2025/iryohi.xlsx").with(as(TARO)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"iryohi-shukei-2025.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("見本 太郎");
        }
    }

    @Test
    void theStatementPrintsTheYearAndBadYearsAreNotFound() throws Exception {
        String statement = mvc.perform(get("/etax/2025/statement").with(as(TARO))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(statement).contains("2025年分 医療費の明細", "見本 太郎", "合計", "/js/print");
        mvc.perform(get("/etax/1999/iryohi.xml").with(as(TARO))).andExpect(status().isNotFound());
        mvc.perform(get("/etax/abc/statement").with(as(TARO))).andExpect(status().isNotFound());
    }
}
