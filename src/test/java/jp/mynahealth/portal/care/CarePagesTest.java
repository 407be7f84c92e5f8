package jp.mynahealth.portal.care;

import static jp.mynahealth.support.PortalRole.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jp.mynahealth.Role;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.StoreLogins;

/**
 * The care page through the portal's real chain, on the shared demo store, with care acts of its own
 * for two generated people (written with the importer's login, as all data is): what one sees and
 * the other never does, the filters, the months' paging, bad input, the access log and the dashboard.
 * Claims are complete through October 2026 on the test day (24 November).
 */
class CarePagesTest {

    private static MockMvc mvc;
    private static JdbcClient jdbc;
    private static UUID mine;
    private static UUID others;
    private static String clinic;
    private static String clinicName;
    private static String hospital;
    private static String hospitalName;

    @BeforeAll
    static void start() throws InterruptedException {
        mvc = PortalRole.mvc();
        jdbc = PortalRole.roles().context(Role.PORTAL).getBean(JdbcClient.class);
        // Two generated people no other test picks: the others take theirs from either end of the ids, or by md5 of the id alone.
        List<UUID> people = jdbc.sql("""
                select person_id from records.person where family_name <> '見本'
                order by md5(person_id::text || ' care') limit 2
                """).query(UUID.class).list();
        mine = people.get(0);
        others = people.get(1);
        clinic = jdbc.sql("select institution_code from records.institution where kind = '診療所' order by institution_code limit 1")
                .query(String.class).single();
        clinicName = name(clinic);
        hospital = jdbc.sql("select institution_code from records.institution where kind = '病院' order by institution_code limit 1")
                .query(String.class).single();
        hospitalName = name(hospital);

        JdbcClient importer = StoreLogins.importer(PortalRole.roles().common());
        importer.sql("delete from records.care_act where person_id in (:a, :b)").param("a", mine).param("b", others).update();
        // As the importer writes it once claims are in; the demo may already have, with the same month.
        importer.sql("""
                insert into records.data_as_of (data_kind, complete_through) values ('care', date '2026-10-31')
                on conflict (data_kind) do nothing
                """).update();
        long receipt = 900_000_000L;
        act(importer, mine, receipt, "2026-10-05", clinic, "外来", 12, "112007410", "再診料", 1);
        act(importer, mine, receipt, "2026-10-05", clinic, "外来", 12, "112011010", "外来管理加算", 1);
        act(importer, mine, receipt, "2026-10-19", clinic, "外来", 12, "112007410", "再診料", 1);
        act(importer, mine, receipt, "2026-10-19", clinic, "外来", 12, "112011010", "外来管理加算", 1);
        act(importer, mine, receipt, "2026-10-19", clinic, "外来", 60, "160010010", "ＨｂＡ１ｃ", 1);
        act(importer, mine, receipt + 1, "2026-08-10", hospital, "外来", 70, "170000410", "単純撮影（デジタル撮影）", 2);
        act(importer, mine, receipt + 2, "2026-07-06", clinic, "外来", 12, "112007410", "<script>alert(1)</script>再診料", 1);
        for (String day : List.of("2026-06-01", "2026-05-11", "2026-04-06", "2026-03-02", "2026-02-02")) {
            act(importer, mine, receipt + 3 + Integer.parseInt(day.substring(5, 7)), day, clinic, "外来", 12, "112007410", "再診料", 1);
        }
        act(importer, mine, receipt + 20, "2022-01-17", clinic, "外来", 11, "111000110", "初診料", 1);
        act(importer, others, receipt + 30, "2026-10-12", hospital, "入院", 90, "190077410", "急性期一般入院料１", 2);
        act(importer, others, receipt + 31, "2026-09-14", clinic, "外来", 40, "140000610", "他人の創傷処置", 1);

        // The portal keeps the as-of dates for 30 s: wait until it has read the care's, if another test read them first.
        DataAsOfRepository asOf = PortalRole.roles().context(Role.PORTAL).getBean(DataAsOfRepository.class);
        for (int i = 0; i < 70 && asOf.completeThrough(DataKind.CARE).isEmpty(); i++) {
            Thread.sleep(500);
        }
        assertThat(asOf.claimsFreshness(DataKind.CARE, LocalDate.parse("2026-11-24")))
                .hasValueSatisfying(claims -> assertThat(claims.through()).hasToString("2026-10"));
    }

    private static String name(String institution) {
        return jdbc.sql("select name from records.institution where institution_code = :c").param("c", institution)
                .query(String.class).single();
    }

    private static void act(JdbcClient importer, UUID person, long receipt, String day, String institution, String category,
            int careClass, String code, String name, int times) {
        importer.sql("""
                insert into records.care_act (person_id, receipt_id, performed_on, institution_code, category, care_class,
                                              procedure_code, procedure_name, times)
                values (:person, :receipt, :day, :institution, :category, :class, :code, :name, :times)
                """).param("person", person).param("receipt", receipt).param("day", LocalDate.parse(day))
                .param("institution", institution).param("category", category).param("class", careClass).param("code", code)
                .param("name", name).param("times", times).update();
    }

    private static String body(MockHttpServletRequestBuilder request, UUID person, ResultMatcher expected) throws Exception {
        return mvc.perform(request.with(as(person))).andExpect(expected)
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void thePageShowsVisitMonthsAndInstitutionsWithTheirActsDaysAndCounts() throws Exception {
        String page = body(get("/care"), mine, status().isOk());
        assertThat(page).contains("<h1>診療情報</h1>", "レセプト（診療報酬明細書）の情報：令和8年10月診療分まで（約1か月遅れ）",
                "病名（傷病名）は、マイナポータルと同じく表示しません", "翌月10日までに", "id=\"care-results\"", "name=\"q\"",
                "令和8年10月", clinicName, "診療所", "外来", "再診料", "外来管理加算", "初診・再診", "10月5日、10月19日", "2回",
                "ＨｂＡ１ｃ", "検査", "令和8年8月", hospitalName, "単純撮影（デジタル撮影）", "画像診断", "8月10日");
        assertThat(page.indexOf("令和8年10月</span>")).isLessThan(page.indexOf("令和8年8月</span>"));
        assertThat(page.indexOf("外来管理加算")).isLessThan(page.indexOf("ＨｂＡ１ｃ"));
        // Text from the store is text, never markup.
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;再診料").doesNotContain("<script>alert(1)");
        String english = body(get("/care").param("lang", "en"), mine, status().isOk());
        assertThat(english).contains("Care received", "Medical and dental claims: treatment up to October 2026 (about 1 month behind)",
                "Diagnoses are not shown", "5 Oct, 19 Oct", "2 times", "Consultation", "Tests", "Outpatient", "Clinic")
                .doesNotContain("??");
    }

    /** The page reads the logged-in person only: nothing in the address can point it at anyone else. */
    @Test
    void anotherPersonsCareNeverShows() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(get("/care"),
                get("/care").param("person", others.toString()).param("personId", others.toString()),
                get("/care").param("institution", hospital).param("from", "2026-09").param("to", "2026-10"))) {
            assertThat(body(request, mine, status().isOk())).doesNotContain("急性期一般入院料１", "他人の創傷処置", "入院</span>");
        }
        assertThat(body(get("/care"), others, status().isOk())).contains("急性期一般入院料１", "他人の創傷処置")
                .doesNotContain("再診料", "ＨｂＡ１ｃ", "単純撮影");
        Long othersAct = jdbc.sql("select care_act_id from records.care_act where person_id = :p limit 1").param("p", others)
                .query(Long.class).single();
        mvc.perform(get("/care/" + othersAct).with(as(mine))).andExpect(status().isNotFound());
    }

    @Test
    void theFiltersNarrowByPeriodInstitutionAndName() throws Exception {
        String august = body(get("/care").param("from", "2026-08").param("to", "2026-08"), mine, status().isOk());
        assertThat(august).contains("単純撮影（デジタル撮影）").doesNotContain("再診料", "ＨｂＡ１ｃ");
        String atTheClinic = body(get("/care").param("institution", clinic), mine, status().isOk());
        assertThat(atTheClinic).contains("再診料").doesNotContain("単純撮影");
        // Full-width in the master, half-width and lower case in the search: the same text.
        String searched = body(get("/care").param("q", "hba1c").header("HX-Request", "true"), mine, status().isOk());
        assertThat(searched).contains("id=\"care-results\"", "ＨｂＡ１ｃ").doesNotContain("<html", "外来管理加算", "name=\"q\"");
        String nothing = body(get("/care").param("from", "2025-01").param("to", "2025-03"), mine, status().isOk());
        assertThat(nothing).contains("令和7年1月から令和7年3月までに、健康保険で受けた医科・歯科の診療の記録はありません。")
                .doesNotContain("<table");
        assertThat(body(get("/care").param("q", "胃カメラ"), mine, status().isOk())).contains("この条件に合う診療の記録はありません。");
        // Months whose claims have not come yet are not "no care": the page says they are still to come.
        assertThat(body(get("/care").param("from", "2026-11").param("to", "2026-11"), mine, status().isOk()))
                .contains("令和8年11月から令和8年11月までの診療分のレセプト（診療報酬明細書）は、まだ届いていません。")
                .doesNotContain("<table", "診療の記録はありません");
        assertThat(body(get("/care").param("from", "2026-10").param("to", "2026-11"), mine, status().isOk()))
                .contains("再診料", "令和8年11月以降の診療分は、レセプト（診療報酬明細書）がまだ届いていないため表示されません。");
        assertThat(body(get("/care"), mine, status().isOk())).doesNotContain("以降の診療分は");
        // Older than the three years shown by default, yet there when asked for.
        assertThat(body(get("/care"), mine, status().isOk())).doesNotContain("初診料");
        assertThat(body(get("/care").param("from", "2022-01").param("to", "2022-01"), mine, status().isOk())).contains("初診料", "1月17日");
    }

    @Test
    void sixMonthsAPageAndMoreAsRowsForHtmxOrAPageWithout() throws Exception {
        String first = body(get("/care"), mine, status().isOk());
        assertThat(count(first, "class=\"care-visit__month\"")).isEqualTo(6);
        assertThat(first).contains("id=\"more-rows\"", "before=2026-04", "令和8年4月").doesNotContain("令和8年3月", "令和8年2月");
        String rows = body(get("/care").param("before", "2026-04").header("HX-Request", "true"), mine, status().isOk());
        assertThat(rows).contains("class=\"care-visit\"", "令和8年3月", "令和8年2月")
                .doesNotContain("<html", "id=\"care-results\"", "id=\"more-rows\"", "令和8年4月");
        String withoutScript = body(get("/care").param("before", "2026-04"), mine, status().isOk());
        assertThat(withoutScript).contains("<html", "令和8年4月より前の診療を表示しています。", "新しい月から表示する", "令和8年3月")
                .doesNotContain("令和8年10月</span>");
        String longer = body(get("/care").param("from", "2022-01").param("before", "2026-04").header("HX-Request", "true"), mine,
                status().isOk());
        assertThat(count(longer, "class=\"care-visit__month\"")).isEqualTo(3);
        assertThat(longer).contains("令和4年1月").doesNotContain("id=\"more-rows\"");
    }

    @Test
    void badFilterValuesGetAPoliteErrorAnd400InThePagesLanguageAndAreLogged() throws Exception {
        long refusedBefore = views(mine, "refused");
        String page = body(get("/care").param("from", "2025-13").param("q", "x".repeat(51)), mine, status().isBadRequest());
        assertThat(page).contains("class=\"error-summary\"", "href=\"#from\"", "href=\"#q\"", "「いつから」の年月が正しくありません",
                "50文字以内").doesNotContain("Exception");
        assertThat(body(get("/care").param("to", "October").param("lang", "en"), mine, status().isBadRequest()))
                .contains("The &quot;to&quot; month is not valid", "href=\"#to\"");
        assertThat(body(get("/care").param("institution", "<x>"), mine, status().isBadRequest())).contains("医療機関の指定が正しくありません");
        assertThat(body(get("/care").param("before", "yesterday").header("HX-Request", "true"), mine, status().isBadRequest()))
                .contains("error-summary", "続きの表示に失敗しました");
        assertThat(body(get("/care").param("from", "2026-10").param("to", "2026-01"), mine, status().isBadRequest()))
                .contains("「いつから」が「いつまで」より後になっています");
        assertThat(views(mine, "refused")).isEqualTo(refusedBefore + 5);
    }

    @Test
    void everyViewIsWrittenToTheAccessLogAndShownInTheHistory() throws Exception {
        long before = views(mine, "ok");
        body(get("/care"), mine, status().isOk());
        body(get("/care").param("before", "2026-04").header("HX-Request", "true"), mine, status().isOk());
        assertThat(views(mine, "ok")).isEqualTo(before + 2);
        assertThat(body(get("/history"), mine, status().isOk())).contains("診療情報を見ました");
        assertThat(body(get("/history").param("lang", "en"), mine, status().isOk())).contains("You looked at the care you received");
    }

    @Test
    void theDashboardTileShowsTheLatestVisitAndTheMenuLinksThePage() throws Exception {
        String dashboard = body(get("/dashboard"), mine, status().isOk());
        assertThat(dashboard).contains("最近の受診", "令和8年10月19日", clinicName, "診療情報を見る", "href=\"/care\"",
                "レセプト（診療報酬明細書）の情報：令和8年10月診療分まで");
        assertThat(dashboard.indexOf(">診療情報</a>")).as("the menu's item").isPositive();
    }

    /** On a municipal kiosk as on the other record pages: Finish and Print in the header, the terminal in the access log. */
    @Test
    void onAKioskThePageKeepsToTheKiosksRules() throws Exception {
        long before = jdbc.sql("""
                select count(*) from portal.access_log
                where person_id = :p and action = 'view_care' and channel = 'kiosk' and terminal_id = 'demo-kiosk-01'
                """).param("p", mine).query(Long.class).single();
        String page = mvc.perform(get("/care").with(atKiosk(mine))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("終了する", "id=\"kiosk-idle\"", "再診料").doesNotContain("ログアウト", "href=\"http");
        assertThat(count(page, "data-print")).as("one Print button, the kiosk header's").isOne();
        assertThat(jdbc.sql("""
                select count(*) from portal.access_log
                where person_id = :p and action = 'view_care' and channel = 'kiosk' and terminal_id = 'demo-kiosk-01'
                """).param("p", mine).query(Long.class).single()).isEqualTo(before + 1);
    }

    private static RequestPostProcessor atKiosk(UUID person) {
        return oidcLogin().clientRegistration(PortalRole.roles().context(Role.PORTAL).getBean(ClientRegistrationRepository.class)
                .findByRegistrationId("myna")).idToken(token -> token.subject(person.toString())
                .claim("acr", "urn:myna-health:acr:card").claim("channel", "kiosk").claim("terminal_id", "demo-kiosk-01"));
    }

    @Test
    void withoutALoginThePageIsNotShown() throws Exception {
        mvc.perform(get("/care")).andExpect(status().is3xxRedirection());
    }

    private static long views(UUID person, String result) {
        return jdbc.sql("select count(*) from portal.access_log where person_id = :p and action = 'view_care' and result = :r")
                .param("p", person).param("r", result).query(Long.class).single();
    }
}
