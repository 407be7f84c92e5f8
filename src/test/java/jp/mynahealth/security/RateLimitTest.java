package jp.mynahealth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.common.web.RateLimitFilter;
import jp.mynahealth.support.FreePort;

/**
 * The abuse limits: per address, and the same limit however the path of a limited request is
 * spelled (percent-encoded letters, {@code ;parameters}, a trailing slash), against the running
 * portal and idp with one request a minute per address for each limited kind.
 */
class RateLimitTest {

    private static final String TOO_MANY = "短い時間に多くの操作がありました";
    private static RunningRoles roles;
    private static String portal;
    private static String idp;

    @BeforeAll
    static void start() {
        roles = Application.start("--roles=portal,idp", "--myna.portal.port=" + FreePort.next(),
                "--myna.idp.port=" + FreePort.next(), "--myna.idp.trust-anchors=target/no-such-trust-anchor.pem",
                "--myna.rate-limit.login-per-address=1", "--myna.rate-limit.download-per-address=1",
                "--myna.rate-limit.challenge-per-address=1");
        portal = "http://localhost:" + roles.port(Role.PORTAL);
        idp = "http://127.0.0.1:" + roles.port(Role.IDP);
    }

    @AfterAll
    static void stop() {
        roles.close();
    }

    private static MockHttpServletResponse call(RateLimitFilter filter, String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static HttpResponse<String> send(String method, String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send("GET", url);
    }

    @Test
    void eachAddressGetsItsOwnBucketAndOtherPathsAreNotCounted() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(List.of(new RateLimitFilter.Rule("login", "/oauth2/authorization/**", 2, 2)));
        assertThat(call(filter, "/oauth2/authorization/myna", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/oauth2/authorization/myna", "10.0.0.1").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call(filter, "/oauth2/authorization/myna", "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(call(filter, "/oauth2/authorization/myna", "10.0.0.2").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/drugs", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/oauth2/authorizationx/myna", "10.0.0.1").getStatus()).isEqualTo(200);
    }

    @Test
    void theFilterComparesDecodedSegmentsWithoutParameters() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(List.of(new RateLimitFilter.Rule("challenge", "/login/**", 1, 1)));
        assertThat(call(filter, "/lo%67in", "10.0.0.3").getStatus()).isEqualTo(200);
        for (String spelling : List.of("/login", "/%6Cogin", "/%6c%6F%67%69%6e", "/login;jsessionid=A1", "/login/",
                "/login/card/%63allback", "/login;x=1/card/callback")) {
            assertThat(call(filter, spelling, "10.0.0.3").getStatus()).as(spelling).isEqualTo(429);
        }
    }

    @Test
    void aLoginStartSpelledAnotherWayMeetsTheSameLimitAndThePolitePage() throws Exception {
        assertThat(get(portal + "/oauth2/authorization/myna").statusCode()).isEqualTo(302);
        for (String spelling : List.of("/%6Fauth2/authorization/myna", "/oauth2/%61uthorization/myna",
                "/oauth2/authorization/my%6Ea", "/oauth2/authorization/myna;jsessionid=A1", "/oauth2/authorization/myna/")) {
            HttpResponse<String> refused = get(portal + spelling);
            assertThat(refused.statusCode()).as(spelling).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).as(spelling).isPresent();
            assertThat(refused.body()).as(spelling).contains(TOO_MANY).doesNotContain("Exception");
        }
    }

    @Test
    void aDownloadSpelledAnotherWayCountsAgainstTheSameLimit() throws Exception {
        HttpResponse<String> first = get(portal + "/%65tax/2025/iryohi.xml");
        assertThat(first.statusCode()).as("not refused: sent to log in").isEqualTo(302);
        for (String spelling : List.of("/etax/2025/iryohi.xml", "/etax/2025/%69ryohi.xlsx", "/etax/2025/statement;x=1")) {
            assertThat(get(portal + spelling).statusCode()).as(spelling).isEqualTo(429);
        }
    }

    @Test
    void aChallengeSpelledAnotherWayMeetsTheSameLimitInTheCitizensLanguage() throws Exception {
        assertThat(get(idp + "/login").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get(idp + "/%6Cogin?lang=en");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many requests in a short time").doesNotContain("Exception");
        assertThat(send("POST", idp + "/login/card/%63allback").statusCode()).isEqualTo(429);
        assertThat(get(idp + "/lo%67in/").statusCode()).isEqualTo(429);
    }

    @Test
    void spellingsTheFirewallRefusesGetThePolite400PageInTheCitizensLanguage() throws Exception {
        for (String spelling : List.of("//login", "/x/../login", "/./login", "/x/%2e%2e/login")) {
            HttpResponse<String> refused = get(idp + spelling);
            assertThat(refused.statusCode()).as(spelling).isEqualTo(400);
            assertThat(refused.body()).as(spelling).contains("リクエストを処理できませんでした").doesNotContain("Exception", "Rejected");
        }
        assertThat(get(portal + "//oauth2/authorization/myna?lang=en").body()).contains("We could not process your request");
    }
}
