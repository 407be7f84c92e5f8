package jp.mynahealth.portal.home;

import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import jp.mynahealth.support.PortalRole;

/** The front page: the login invitation for visitors, the dashboard for a citizen already logged in. */
class HomePageTest {

    private static MockMvc mvc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
    }

    @Test
    void aVisitorSeesTheLoginInvitation() throws Exception {
        String html = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("マイナンバーカードでログイン", "/oauth2/authorization/myna");
    }

    @Test
    void aLoggedInCitizenGoesToTheirDashboard() throws Exception {
        mvc.perform(get("/").with(as(TARO))).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(get("/?lang=en").with(as(TARO))).andExpect(redirectedUrl("/dashboard"));
    }
}
