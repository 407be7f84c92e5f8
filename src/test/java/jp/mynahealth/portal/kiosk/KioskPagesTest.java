package jp.mynahealth.portal.kiosk;

import static jp.mynahealth.support.PortalRole.HANAKO;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;
import jp.mynahealth.Role;
import jp.mynahealth.support.PortalRole;

/** Kiosk sessions through the portal's real security chain, as the idp's ID token would describe them. */
class KioskPagesTest {

    private static final String TERMINAL = "demo-kiosk-01";
    private static MockMvc mvc;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        jdbc = PortalRole.roles().context(Role.PORTAL).getBean(JdbcClient.class);
    }

    private static RequestPostProcessor atKiosk(UUID person) {
        return oidcLogin().clientRegistration(registration()).idToken(token -> token.subject(person.toString()).claim("acr", "urn:myna-health:acr:card")
                .claim("channel", "kiosk").claim("terminal_id", TERMINAL));
    }

    /** The portal's real registration, so that logout goes to the idp's end-session endpoint. */
    private static ClientRegistration registration() {
        return PortalRole.roles().context(Role.PORTAL).getBean(ClientRegistrationRepository.class).findByRegistrationId("myna");
    }

    private static long rows(UUID person, String action, String channel, String result) {
        return jdbc.sql("""
                select count(*) from portal.access_log
                where person_id = :p and action = :a and channel = :c and result = :r
                  and (channel = 'web' or terminal_id = :t)
                """).param("p", person).param("a", action).param("c", channel).param("r", result).param("t", TERMINAL)
                .query(Long.class).single();
    }

    @Test
    void theStartScreenMarksTheBrowserAndOffersThreeLanguages() throws Exception {
        String html = mvc.perform(get("/kiosk")).andExpect(status().isOk())
                .andExpect(cookie().exists("MYNA_KIOSK")).andExpect(cookie().httpOnly("MYNA_KIOSK", true))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("カードを置いてください", "?lang=easy", "?lang=en", "/oauth2/authorization/myna", "class=\"kiosk\"");
        assertThat(mvc.perform(get("/kiosk?lang=easy")).andReturn().getResponse().getContentAsString())
                .contains("カード を おいて ください", "lang=\"ja\"");
    }

    @Test
    void aLoggedInVisitorAtTheStartScreenGoesToTheDashboard() throws Exception {
        mvc.perform(get("/kiosk").with(atKiosk(TARO))).andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void withoutASessionAKioskBrowserGoesToTheStartScreenAndAnyOtherToTheLogin() throws Exception {
        Cookie kiosk = new Cookie("MYNA_KIOSK", "1");
        mvc.perform(get("/drugs").cookie(kiosk)).andExpect(status().isFound())
                .andExpect(header().string("Location", Matchers.endsWith("/kiosk")));
        mvc.perform(get("/drugs")).andExpect(status().isFound())
                .andExpect(header().string("Location", Matchers.endsWith("/oauth2/authorization/myna")));
        // The idp's "back to the portal" link on a kiosk leads to the start screen too.
        mvc.perform(get("/").cookie(kiosk)).andExpect(redirectedUrl("/kiosk"));
        mvc.perform(get("/")).andExpect(status().isOk());
        // htmx would swap a redirected page into the list: it is told to load the whole page instead.
        mvc.perform(get("/drugs").cookie(kiosk).header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/kiosk"));
        mvc.perform(get("/drugs").header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/oauth2/authorization/myna"));
    }

    @Test
    void aKioskSessionHasTheFinishButtonTheIdleDialogAndMayAskTheSignerAboutTheCard() throws Exception {
        String html = mvc.perform(get("/dashboard").with(atKiosk(TARO))).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        Matchers.containsString("connect-src 'self' http://127.0.0.1:")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("終了する", "id=\"kiosk-idle\"", "data-idle=\"90\"", "data-countdown=\"30\"", "/js/kiosk")
                .doesNotContain("ログアウト");
        String web = mvc.perform(get("/dashboard").with(as(TARO))).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("connect-src 'self';")))
                .andReturn().getResponse().getContentAsString();
        assertThat(web).contains("ログアウト").doesNotContain("kiosk-idle", "終了する");
    }

    @Test
    void kioskViewsNameTheTerminalInTheAccessLog() throws Exception {
        long before = rows(HANAKO, "view_drugs", "kiosk", "ok");
        mvc.perform(get("/drugs").with(atKiosk(HANAKO))).andExpect(status().isOk());
        assertThat(rows(HANAKO, "view_drugs", "kiosk", "ok")).isEqualTo(before + 1);
    }

    @Test
    void aKioskOffersNoDownloadsAndRefusesTheirAddresses() throws Exception {
        String page = mvc.perform(get("/etax?year=2025").with(atKiosk(TARO))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("iryohi.xml", "iryohi.xlsx").contains("/etax/2025/statement");
        long before = rows(TARO, "download_tax_xml", "kiosk", "refused");
        String refused = mvc.perform(get("/etax/2025/iryohi.xml").with(atKiosk(TARO))).andExpect(status().isForbidden())
                .andExpect(header().string("Cache-Control", "no-store"))
                // A page, labelled as one: a browser must show it, not offer an "XML file" to save on the kiosk.
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/html")))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("この端末ではファイルを受け取れません").doesNotContain("<?xml");
        mvc.perform(get("/etax/2025/iryohi.xlsx").with(atKiosk(TARO))).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/html")));
        assertThat(rows(TARO, "download_tax_xml", "kiosk", "refused")).isEqualTo(before + 1);
        // In a citizen's own browser the same address is not refused for being a download (this role has no signing key: 503).
        assertThat(mvc.perform(get("/etax/2025/iryohi.xml").with(as(TARO))).andReturn().getResponse().getStatus()).isNotEqualTo(403);
    }

    @Test
    void finishingAKioskSessionClearsTheBrowserAndReturnsToTheStartScreenThroughTheIdp() throws Exception {
        var kiosk = mvc.perform(post("/logout").with(atKiosk(TARO)).with(csrf())).andExpect(status().isFound())
                .andExpect(header().string("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\""))
                .andReturn().getResponse();
        assertThat(kiosk.getHeader("Location")).contains("/connect/logout", "post_logout_redirect_uri=http://localhost/kiosk");
        var web = mvc.perform(post("/logout").with(oidcLogin().clientRegistration(registration())
                        .idToken(token -> token.subject(TARO.toString()).claim("acr", "urn:myna-health:acr:card"))).with(csrf())).andExpect(status().isFound())
                .andExpect(header().string("Clear-Site-Data", "\"cache\""))
                .andReturn().getResponse();
        assertThat(web.getHeader("Location")).contains("/connect/logout").doesNotContain("kiosk");
    }

    @Test
    void aRegistrationAndItsCancellationAtAKioskRecordTheKioskAndItsTerminal() throws Exception {
        UUID person = jdbc.sql("""
                select person_id from records.person where family_name <> '見本'
                  and person_id not in (select person_id from portal.card_use_registration)
                order by person_id limit 1
                """).query(UUID.class).single();
        mvc.perform(post("/insurance/registration").param("consent", "yes").with(atKiosk(person)).with(csrf()))
                .andExpect(redirectedUrl("/insurance/registration"));
        mvc.perform(post("/insurance/registration/cancel").with(atKiosk(person)).with(csrf()))
                .andExpect(redirectedUrl("/insurance/registration/cancelled"));
        var row = jdbc.sql("select channel, terminal_id, cancel_channel from portal.card_use_registration where person_id = :p")
                .param("p", person).query().singleRow();
        assertThat(row).containsEntry("channel", "kiosk").containsEntry("terminal_id", TERMINAL)
                .containsEntry("cancel_channel", "kiosk");
        assertThat(rows(person, "register_card_use", "kiosk", "ok")).isEqualTo(1);
    }

    @Test
    void theKeepAliveNeedsASession() throws Exception {
        mvc.perform(get("/kiosk/alive").with(atKiosk(TARO))).andExpect(status().isNoContent())
                .andExpect(header().string("Cache-Control", "no-store"));
        mvc.perform(get("/kiosk/alive")).andExpect(status().isFound());
    }
}
