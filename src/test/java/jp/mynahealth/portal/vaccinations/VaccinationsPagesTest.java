package jp.mynahealth.portal.vaccinations;

import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.SAKURA;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jp.mynahealth.Role;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.records.VaccinationRepository;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.ReadStoreTest;

/**
 * The vaccinations page through the portal's real chain, on the demo store the importer filled on
 * the test day (24 November 2026): さくら's overdue booster, 一郎's influenza, 太郎's empty page,
 * nobody else's records, and the access log.
 */
class VaccinationsPagesTest {

    private static final LocalDate TODAY = LocalDate.parse(ReadStoreTest.TODAY);
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
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** The demo gives さくら every dose of her age but the 日本脳炎 1期追加, through the importer like any municipality's file. */
    @Test
    void sakuraHasExactlyOneOverdueDoseInTheStore() {
        LocalDate birth = jdbc.sql("select birth_date from records.person where person_id = :p").param("p", SAKURA)
                .query(LocalDate.class).single();
        var records = PortalRole.roles().context(Role.PORTAL).getBean(VaccinationRepository.class).ofPerson(new PersonId(SAKURA));
        ChildSchedule schedule = ChildSchedule.of(birth, 2, records, TODAY);
        assertThat(schedule.overdue()).singleElement().satisfies(line -> {
            assertThat(line.series()).isEqualTo(Series.JE);
            assertThat(line.dose()).isEqualTo(3);
            assertThat(line.closesOn()).isAfter(TODAY);
        });
        assertThat(schedule.due()).isEmpty();
        assertThat(schedule.notRecorded()).isEmpty();
        assertThat(schedule.withStatus(DoseStatus.UPCOMING)).extracting(ScheduleLine::series)
                .containsExactlyInAnyOrder(Series.JE, Series.DT, Series.HPV, Series.HPV, Series.HPV);
    }

    @Test
    void aChildsPageShowsTheOverdueDoseFirstThenTheScheduleThenWhatWasGiven() throws Exception {
        String page = body(get("/vaccinations"), SAKURA, status().isOk());
        assertThat(page).contains("<h1>予防接種</h1>", "市区町村の予防接種の記録：", "標準的な時期を過ぎた予防接種があります",
                "日本脳炎 1期追加：定期接種として受けられるのは令和8年12月", "定期接種の予定", "受けた予防接種",
                "四種混合（DPT-IPV）", "ヒブ（Hib）", "麻しん風しん混合（MR）", "2期", "千代田区保健センター", "こどもクリニック",
                "国立感染症研究所", "2024年4月1日");
        assertThat(count(page, "class=\"status status--overdue\"")).isOne();
        assertThat(page.indexOf("標準的な時期を過ぎた予防接種があります")).isLessThan(page.indexOf("定期接種の予定"));
        assertThat(page.indexOf("定期接種の予定")).isLessThan(page.indexOf("受けた予防接種"));
        assertThat(page).doesNotContain("記録がありません", "??");
        String english = body(get("/vaccinations").param("lang", "en"), SAKURA, status().isOk());
        assertThat(english).contains("Vaccinations", "Some vaccinations are past the usual age",
                "Japanese encephalitis, Period 1, booster: free as a routine vaccination until", "December 2026",
                "Quadrivalent (DPT-IPV)").doesNotContain("??");
    }

    @Test
    void anAdultSeesWhatWasGivenAndNoSchedule() throws Exception {
        String ichiro = body(get("/vaccinations"), ICHIRO, status().isOk());
        assertThat(ichiro).contains("インフルエンザ（高齢者）", "受けた予防接種").doesNotContain("定期接種の予定", "status--");
        assertThat(count(ichiro, "インフルエンザ（高齢者）")).isEqualTo(3);
        String taro = body(get("/vaccinations"), TARO, status().isOk());
        assertThat(taro).contains("予防接種の記録はありません。", "任意接種").doesNotContain("定期接種の予定", "<table");
    }

    /** The page reads the logged-in person only: nothing in the address can point it at anyone else. */
    @Test
    void anotherPersonsRecordsNeverShow() throws Exception {
        String sakurasPlace = jdbc.sql("select place from records.vaccination where person_id = :p and vaccine_code = 'BCG'")
                .param("p", SAKURA).query(String.class).single();
        List<String> sakurasLots = jdbc.sql("select lot_number from records.vaccination where person_id = :p")
                .param("p", SAKURA).query(String.class).list();
        for (MockHttpServletRequestBuilder request : List.of(get("/vaccinations"),
                get("/vaccinations").param("person", SAKURA.toString()).param("personId", SAKURA.toString()),
                get("/vaccinations").param("id", SAKURA.toString()))) {
            String page = body(request, TARO, status().isOk());
            assertThat(page).doesNotContain(sakurasPlace, "四種混合");
            assertThat(sakurasLots).allSatisfy(lot -> assertThat(page).doesNotContain(lot));
        }
        mvc.perform(get("/vaccinations/" + SAKURA).with(as(TARO))).andExpect(status().isNotFound());
    }

    @Test
    void everyViewIsWrittenToTheAccessLog() throws Exception {
        long before = views(SAKURA);
        body(get("/vaccinations"), SAKURA, status().isOk());
        assertThat(views(SAKURA)).isEqualTo(before + 1);
        String history = body(get("/history"), SAKURA, status().isOk());
        assertThat(history).contains("予防接種の記録を見ました");
    }

    @Test
    void theDashboardTileCountsTheOverdueDoseAndTheMenuLinksThePage() throws Exception {
        String dashboard = body(get("/dashboard"), SAKURA, status().isOk());
        assertThat(dashboard).contains("標準的な時期を過ぎた予防接種が1件あります。", "予防接種の記録を見る", "href=\"/vaccinations\"");
        assertThat(body(get("/dashboard"), TARO, status().isOk())).contains("予防接種の記録はありません。")
                .doesNotContain("標準的な時期を過ぎた予防接種が");
    }

    @Test
    void withoutALoginThePageIsNotShown() throws Exception {
        mvc.perform(get("/vaccinations")).andExpect(status().is3xxRedirection());
    }

    private static long views(UUID person) {
        return jdbc.sql("select count(*) from portal.access_log where person_id = :p and action = 'view_vaccinations'")
                .param("p", person).query(Long.class).single();
    }
}
