package jp.mynahealth.portal.records;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.SAKURA;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jp.mynahealth.Role;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.StoreLogins;

/** Drugs, checkups and costs through the portal's real chain: pages, htmx fragments, bad input, other people's ids. */
class RecordsPagesTest {

    private static MockMvc mvc;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        jdbc = PortalRole.roles().context(Role.PORTAL).getBean(JdbcClient.class);
    }

    private static String body(MockHttpServletRequestBuilder request, UUID person, ResultMatcher expected) throws Exception {
        return mvc.perform(request.with(as(person))).andExpect(expected)
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
    }

    private static UUID checkupOf(UUID person) {
        return jdbc.sql("select checkup_id from records.checkup where person_id = :p order by checked_on desc limit 1")
                .param("p", person).query(UUID.class).single();
    }

    @Test
    void theDrugListIsAFullPageOrForHtmxTheResultsFragment() throws Exception {
        String page = body(get("/drugs"), TARO, status().isOk());
        assertThat(page).contains("<html", "アムロジピン錠5mg「サワイ」", "id=\"drug-results\"", "name=\"q\"");
        String fragment = body(get("/drugs").param("q", "ろすばすたちん").header("HX-Request", "true"), TARO, status().isOk());
        assertThat(fragment).contains("id=\"drug-results\"", "ロスバスタチン").doesNotContain("<html", "アムロジピン", "name=\"q\"");
    }

    /**
     * The drugs and costs come from claims, complete through October on 24 November: the pages say
     * so per source, as a month and a lag, and not as a day that reads like today's data.
     */
    @Test
    void claimsBasedPagesStateTheClaimsMonthTheyShow() throws Exception {
        assertThat(body(get("/drugs"), TARO, status().isOk()))
                .contains("レセプト（調剤報酬明細書）の情報：令和8年10月分まで（約1か月遅れ）", "翌月10日までに")
                .doesNotContain("までに調剤されたお薬です");
        assertThat(body(get("/drugs").param("lang", "en"), TARO, status().isOk()))
                .contains("Pharmacy claims: up to October 2026 (about 1 month behind)");
        assertThat(body(get("/costs"), TARO, status().isOk()))
                .contains("の情報：令和8年10月診療分まで（約1か月遅れ）").doesNotContain("2か月ほど遅れて");
        assertThat(body(get("/dashboard"), TARO, status().isOk()))
                .contains("レセプト（調剤報酬明細書）の情報：令和8年10月分まで（約1か月遅れ）", "令和8年10月診療分まで（約1か月遅れ）")
                .doesNotContain("令和8年10月31日（2026年）までの情報です");
        assertThat(body(get("/dashboard").param("lang", "en"), TARO, status().isOk()))
                .contains("Pharmacy claims: up to October 2026 (about 1 month behind)", "treatment up to October 2026");
        LocalDate newest = jdbc.sql("select max(dispensed_on) from records.dispensing where person_id = :p")
                .param("p", TARO).query(LocalDate.class).single();
        assertThat(newest).isBeforeOrEqualTo(LocalDate.of(2026, 10, 31));
    }

    /**
     * 見本 太郎 was dispensed brand drugs on an e-prescription today (the test day): they head his list
     * under their source, with the estimated saving of a generic; his November renewal is there only
     * from the e-prescriptions, and an October dispensing known from both is listed once, as the claim.
     */
    @Test
    void todaysEPrescriptionHeadsTheListWithItsSourceAndTheGenericSaving() throws Exception {
        String page = body(get("/drugs"), TARO, status().isOk());
        assertThat(page).contains("電子処方箋の情報：令和8年11月24日（2026年） 9時30分時点（当日反映、直近100日分）",
                "レセプト（調剤報酬明細書）の情報：令和8年10月分まで（約1か月遅れ）");
        String firstGroup = page.substring(page.indexOf("class=\"dispensing\""));
        firstGroup = firstGroup.substring(0, firstGroup.indexOf("</tbody>"));
        assertThat(firstGroup).contains("令和8年11月24日", "電子処方箋（当日反映）", "見本耳鼻咽喉科", "クラリス錠200", "ムコダイン錠500mg",
                "後発医薬品（ジェネリック）にすると、この分の窓口負担が約50円少なくなる見込みです（3割負担での目安）。切り替えについては薬剤師にご相談ください。",
                "窓口負担が約30円少なくなる見込みです");
        // Each group: its day and whether its source is the e-prescriptions.
        java.util.Map<String, Boolean> groups = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher group = java.util.regex.Pattern
                .compile("dispensing__date\">([^<]*)<.*?class=\"tag (tag--fresh|tag--claim)\"", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        while (group.find()) {
            assertThat(groups.put(group.group(1), group.group(2).equals("tag--fresh"))).as("one group a day here").isNull();
        }
        assertThat(groups.keySet().iterator().next()).isEqualTo("令和8年11月24日（2026年）");
        assertThat(groups).containsEntry("令和8年11月24日（2026年）", true);
        // What the claims hold too (up to October) is listed from the claims; later days only from the e-prescriptions.
        List<LocalDate> knownFromBoth = jdbc.sql("""
                select distinct happened_on from records.e_prescription
                where person_id = :p and kind = 'dispensed' and happened_on <= date '2026-10-31' order by 1
                """).param("p", TARO).query(LocalDate.class).list();
        assertThat(knownFromBoth).isNotEmpty().allSatisfy(day -> assertThat(groups)
                .containsEntry("令和8年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日（2026年）", false));
        assertThat(groups.entrySet()).filteredOn(java.util.Map.Entry::getValue).hasSizeGreaterThan(1)
                .allSatisfy(fresh -> assertThat(fresh.getKey()).startsWith("令和8年11月"));
        // The months now run to the current one.
        assertThat(page).contains("max=\"2026-11\"");

        String english = body(get("/drugs").param("lang", "en"), TARO, status().isOk());
        assertThat(english).contains("E-prescriptions: as of 24 November 2026 09:30 (same day, the last 100 days)",
                "E-prescription (same day)", "Claim (about a month late)",
                "With a generic version, your share for this could be about ¥50 lower (estimate at 30% copay). Ask your pharmacist about switching.");
    }

    @Test
    void moreGivesTheNextRowsForHtmxAndAFullPageWithout() throws Exception {
        String first = body(get("/drugs"), TARO, status().isOk());
        assertThat(first).contains("id=\"more-rows\"");
        String after = first.replaceAll("(?s).*after=([0-9-]+)&amp;afterSource=([a-z]+)&amp;afterId=([0-9]+).*", "$1 $2 $3");
        String[] cursor = after.split(" ");
        String rows = body(get("/drugs").param("after", cursor[0]).param("afterSource", cursor[1]).param("afterId", cursor[2])
                .header("HX-Request", "true"), TARO, status().isOk());
        assertThat(rows).contains("class=\"dispensing\"").doesNotContain("<html", "id=\"drug-results\"");
        assertThat(body(get("/drugs").param("after", cursor[0]).param("afterSource", cursor[1]).param("afterId", cursor[2]), TARO,
                status().isOk())).contains("<html");
    }

    @Test
    void badFilterValuesGetAPoliteErrorAnd400() throws Exception {
        String page = body(get("/drugs").param("from", "2025-13").param("q", "x".repeat(51)), TARO, status().isBadRequest());
        assertThat(page).contains("class=\"error-summary\"", "href=\"#from\"", "href=\"#q\"", "年月が正しくありません")
                .doesNotContain("Exception");
        assertThat(body(get("/drugs").param("after", "yesterday").param("afterSource", "claim").param("afterId", "1"), TARO,
                status().isBadRequest())).contains("error-summary");
        assertThat(body(get("/drugs").param("after", "2026-10-01").param("afterSource", "fax").param("afterId", "1"), TARO,
                status().isBadRequest())).contains("error-summary");
        assertThat(body(get("/drugs").param("after", "2026-10-01").param("afterId", "1"), TARO, status().isBadRequest()))
                .contains("error-summary");
    }

    @Test
    void aPossibleDuplicatePrescriptionIsPointedOutAsAQuestionForTheDoctor() throws Exception {
        assertThat(body(get("/drugs"), ICHIRO, status().isOk())).contains("同じ成分のお薬", "ロキソニン錠60mg", "医師または薬剤師にご相談ください");
    }

    @Test
    void hostileTextFromTheStoreIsShownAsText() throws Exception {
        UUID person = jdbc.sql("select person_id from records.person where family_name <> '見本' order by person_id offset 3 limit 1")
                .query(UUID.class).single();
        String pharmacy = jdbc.sql("select institution_code from records.institution where kind = '薬局' limit 1").query(String.class).single();
        StoreLogins.importer(PortalRole.roles().common()).sql("""
                insert into records.dispensing (person_id, dispensed_on, dispenser_code, drug_code, drug_name, generic, quantity,
                                                unit, usage, days, category)
                values (:p, :day, :pharmacy, '9999999F9999', :name, false, 1, '錠', :usage, 1, '内服')
                """).param("p", person).param("day", LocalDate.of(2026, 10, 30)).param("pharmacy", pharmacy)
                .param("name", "<script>alert(1)</script>錠").param("usage", "\"><img src=x onerror=alert(2)>").update();
        String page = body(get("/drugs"), person, status().isOk());
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;錠", "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>alert(1)", "<img src=x");
    }

    @Test
    void aCheckupOpensForItsOwnerOnly() throws Exception {
        UUID taros = checkupOf(TARO);
        String detail = body(get("/checkups/" + taros), TARO, status().isOk());
        assertThat(detail).contains("身体計測", "血圧", "脂質", "血糖", "肝機能", "腎機能", "尿検査", "問診", "基準範囲");
        for (String other : new String[] { checkupOf(HANAKO).toString(), UUID.randomUUID().toString(), "not-a-uuid", "1" }) {
            // The polite 404 page itself comes from the container's error dispatch (see LauncherTest).
            String refused = body(get("/checkups/" + other), TARO, status().isNotFound());
            assertThat(refused).doesNotContain("特定健診", "身体計測");
        }
    }

    @Test
    void theCheckupListAndATrendChartWithItsTable() throws Exception {
        assertThat(body(get("/checkups"), TARO, status().isOk())).contains("特定健診", "/checkups/");
        String trend = body(get("/checkups/trend/9N011000000000001"), TARO, status().isOk());
        assertThat(trend).contains("<svg", "chart__band", "<polyline", "<table", "BMI");
        body(get("/checkups/trend/9N011000000000001"), SAKURA, status().isNotFound());
        body(get("/checkups/trend/ABC"), TARO, status().isNotFound());
        mvc.perform(get("/checkups/trend/%3Cscript%3E").with(as(TARO))).andExpect(status().is4xxClientError());
        assertThat(body(get("/checkups"), SAKURA, status().isOk())).contains("健診の記録はありません");
    }

    @Test
    void costsShowAYearAsAPageOrForHtmxAsAFragment() throws Exception {
        String page = body(get("/costs").param("year", "2025"), ICHIRO, status().isOk());
        assertThat(page).contains("<html", "2025年の医療費", "入院", "訪問看護", "円");
        String fragment = body(get("/costs").param("year", "2025").header("HX-Request", "true"), ICHIRO, status().isOk());
        assertThat(fragment).contains("id=\"cost-year\"", "2025年の医療費").doesNotContain("<html", "name=\"year\"");
        assertThat(body(get("/costs").param("year", "abc"), ICHIRO, status().isBadRequest())).contains("error-summary");
        assertThat(body(get("/costs").param("year", "1999"), ICHIRO, status().isBadRequest())).contains("error-summary");
    }

    @Test
    void englishPagesUseEnglishDatesAndAmounts() throws Exception {
        String page = body(get("/costs").param("year", "2025").param("lang", "en"), ICHIRO, status().isOk());
        assertThat(page).contains("Medical costs in 2025", "¥");
    }
}
