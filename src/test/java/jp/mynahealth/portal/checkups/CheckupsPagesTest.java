package jp.mynahealth.portal.checkups;

import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jp.mynahealth.Role;
import jp.mynahealth.support.PortalRole;

/** How the checkup pages print reference ranges and the trend chart's axis, on 見本 太郎's demo checkups. */
class CheckupsPagesTest {

    private static final String HEIGHT = "9N001000000000001";
    private static final String HBA1C = "3D046000001906202";

    private static MockMvc mvc;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        jdbc = PortalRole.roles().context(Role.PORTAL).getBean(JdbcClient.class);
    }

    private static String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(TARO))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anItemWithoutAReferenceRangeShowsADashNotATilde() throws Exception {
        String trend = page(get("/checkups/trend/" + HEIGHT));
        assertThat(trend).contains("身長の経年変化", ">—</td>", "この項目には基準範囲がありません")
                .doesNotContain("chart__band", " ～ ", "> ～ </td>");
        assertThat(page(get("/checkups/trend/" + HEIGHT).param("lang", "en")))
                .contains(">—</td>", "This item has no reference range").doesNotContain("～");
    }

    @Test
    void theResultPagePrintsRangesInWordsAndADashForNone() throws Exception {
        UUID latest = jdbc.sql("select checkup_id from records.checkup where person_id = :p order by checked_on desc limit 1")
                .param("p", TARO).query(UUID.class).single();
        String ja = page(get("/checkups/" + latest));
        assertThat(ja).contains(">—</td>", ">18.5 ～ 24.9</td>", ">129以下</td>", ">40以上</td>")
                .doesNotContain("―");
        String en = page(get("/checkups/" + latest).param("lang", "en"));
        assertThat(en).contains(">—</td>", ">18.5 to 24.9</td>", ">129 or less</td>", ">40 or more</td>");
    }

    @Test
    void trendLabelsCarryTheItemsDecimalsAndNoFloatingPointResidue() throws Exception {
        for (String item : new String[] { HEIGHT, HBA1C }) {
            String trend = page(get("/checkups/trend/" + item));
            assertThat(trend).contains("text-anchor=\"end\"").doesNotContainPattern(">\\d+\\.\\d{3,}<");
            assertThat(trend).containsPattern("class=\"chart__label\"[^>]*>\\d+\\.\\d</text>");
        }
        assertThat(page(get("/checkups/trend/" + HBA1C))).contains("色のついた帯は基準範囲（4.6 ～ 5.5 %）です。");
    }
}
