package jp.mynahealth.security;

import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import jp.mynahealth.support.PortalRole;

/** The security headers on every kind of portal answer: public page, personal page, fragment, download, error. */
class SecurityHeadersTest {

    private static MockMvc mvc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
    }

    @Test
    void everyPageTypeCarriesTheBaseline() throws Exception {
        List<MockHttpServletResponse> responses = List.of(
                mvc.perform(get("/")).andReturn().getResponse(),
                mvc.perform(get("/dashboard").with(as(TARO))).andReturn().getResponse(),
                mvc.perform(get("/drugs").header("HX-Request", "true").with(as(TARO))).andReturn().getResponse(),
                mvc.perform(get("/etax/2025/iryohi.xlsx").with(as(TARO))).andReturn().getResponse(),
                mvc.perform(get("/checkups/" + java.util.UUID.randomUUID()).with(as(TARO))).andReturn().getResponse(),
                mvc.perform(get("/css/site.css")).andReturn().getResponse());
        for (MockHttpServletResponse response : responses) {
            String csp = response.getHeader("Content-Security-Policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("Permissions-Policy")).contains("camera=()");
        }
        for (MockHttpServletResponse personal : responses.subList(1, 5)) {
            assertThat(personal.getHeader("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void strictTransportSecurityIsSentOverTls() throws Exception {
        assertThat(mvc.perform(get("/").secure(true)).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .contains("max-age=");
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getHeader("Strict-Transport-Security")).isNull();
    }
}
