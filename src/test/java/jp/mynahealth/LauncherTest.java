package jp.mynahealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.session.SessionRepository;


import jp.mynahealth.common.session.SparingSessionRepository;
import jp.mynahealth.support.FreePort;

/** The launcher as the run command uses it: every role its own context, port and cookie, one database. */
class LauncherTest {

    private static RunningRoles roles;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startAllRoles() {
        roles = Application.start("--myna.clock.fixed=2026-11-24T10:00:00+09:00", "--myna.portal.port=" + FreePort.next(),
                "--myna.idp.port=" + FreePort.next(), "--myna.signer.port=" + FreePort.next(), "--myna.ca.port=" + FreePort.next(),
                "--myna.taxapp.port=" + FreePort.next());
    }

    @AfterAll
    static void stop() {
        roles.close();
    }

    @Test
    void everyRoleAnswersItsHealthCheckOnItsOwnPort() throws Exception {
        assertThat(roles.roles()).extracting(RunningRoles.RoleContext::role)
                .containsExactly(Role.CA, Role.IDP, Role.SIGNER, Role.PORTAL, Role.TAXAPP);
        for (Role role : Role.values()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + roles.port(role) + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(role.name()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        }
        assertThat(roles.roles().stream().map(RunningRoles.RoleContext::port).distinct()).hasSize(5);
    }

    @Test
    void everyRoleHasItsOwnSessionCookieAndTheSharedDatabase() {
        assertThat(roles.roles().stream()
                .map(r -> r.context().getBean(ServerProperties.class).getServlet().getSession().getCookie().getName())
                .distinct()).hasSize(5);
        assertThat(roles.context(Role.PORTAL).getBean(javax.sql.DataSource.class))
                .isSameAs(roles.context(Role.IDP).getBean(javax.sql.DataSource.class));
    }

    @Test
    void thePortalAndTheIdpKeepTheirSessionsInTheDatabaseTheOthersDoNot() {
        for (Role role : List.of(Role.PORTAL, Role.IDP)) {
            assertThat(roles.context(role).getBeanProvider(SessionRepository.class).getIfAvailable())
                    .as(role.name()).isInstanceOf(SparingSessionRepository.class);
        }
        for (Role role : List.of(Role.SIGNER, Role.CA, Role.TAXAPP)) {
            assertThat(roles.context(role).getBeanProvider(SessionRepository.class).getIfAvailable()).as(role.name()).isNull();
        }
    }

    @Test
    void theSignerListensOnLoopbackOnly() {
        assertThat(roles.context(Role.SIGNER).getBean(ServerProperties.class).getAddress())
                .isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void thePortalServesTheJapaneseHomePageWithStrictHeaders() throws Exception {
        HttpResponse<String> home = get("http://localhost:" + roles.port(Role.PORTAL) + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"ja\"", "マイナ健康ポータル", "id=\"main-content\"",
                "/webjars/htmx.org/");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(home.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void htmxIsServedFromItsWebJar() throws Exception {
        HttpResponse<String> htmx = get("http://localhost:" + roles.port(Role.PORTAL) + "/webjars/htmx.org/dist/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void unknownPagesGetThePolite404InTheAskedLanguage() throws Exception {
        HttpResponse<String> missing = get("http://localhost:" + roles.port(Role.PORTAL) + "/nothing/here?lang=en");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").doesNotContain("Whitelabel", "Exception", "??");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
