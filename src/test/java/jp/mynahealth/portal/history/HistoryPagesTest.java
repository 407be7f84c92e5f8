package jp.mynahealth.portal.history;

import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import jp.mynahealth.support.PortalRole;

class HistoryPagesTest {

    private static MockMvc mvc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
    }

    private static String page(String url, java.util.UUID person) throws Exception {
        return mvc.perform(get(url).with(as(person))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theHistoryShowsOwnViewsNewestFirstIncludingThisLook() throws Exception {
        page("/drugs", ICHIRO);
        String html = page("/history", ICHIRO);
        assertThat(html).contains("やりとり履歴を見ました", "お薬の情報を見ました", "ご自身のブラウザから");
        assertThat(html.indexOf("やりとり履歴を見ました")).isLessThan(html.indexOf("お薬の情報を見ました"));
    }

    @Test
    void dataProvidedWithConsentIsListedForItsMonth() throws Exception {
        String months = page("/history", TARO);
        assertThat(months).contains("name=\"month\"");
        boolean found = false;
        for (int back = 0; back < 12 && !found; back++) {
            String month = java.time.YearMonth.of(2026, 11).minusMonths(back).toString();
            found = page("/history?month=" + month, TARO).contains("を提供しました（受付であなたが同意）");
        }
        assertThat(found).as("a provision record in the last year").isTrue();
    }

    @Test
    void htmxGetsTheListFragmentAndABadMonthIsRefusedPolitely() throws Exception {
        String fragment = mvc.perform(get("/history").param("month", "2026-10").header("HX-Request", "true").with(as(TARO)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"history-list\"").doesNotContain("<html");
        for (String bad : new String[] { "2030-01", "garbage", "1999-01" }) {
            assertThat(mvc.perform(get("/history").param("month", bad).with(as(TARO))).andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString()).contains("error-summary");
        }
    }
}
