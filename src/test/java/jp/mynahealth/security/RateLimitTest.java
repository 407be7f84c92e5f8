package jp.mynahealth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.common.web.RateLimitFilter;
import jp.mynahealth.support.FreePort;

class RateLimitTest {

    private static MockHttpServletResponse call(RateLimitFilter filter, String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void eachAddressGetsItsOwnBucketAndOtherPathsAreNotCounted() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(List.of(new RateLimitFilter.Rule("login", "/oauth2/authorization/", 2, 2)));
        assertThat(call(filter, "/oauth2/authorization/myna", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/oauth2/authorization/myna", "10.0.0.1").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call(filter, "/oauth2/authorization/myna", "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(call(filter, "/oauth2/authorization/myna", "10.0.0.2").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/drugs", "10.0.0.1").getStatus()).isEqualTo(200);
    }

    @Test
    void overTheLimitTheCitizenGetsThePolite429Page() throws Exception {
        try (RunningRoles roles = Application.start("--roles=portal", "--myna.portal.port=" + FreePort.next(),
                "--myna.rate-limit.login-per-address=2")) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            URI login = URI.create("http://localhost:" + roles.port(Role.PORTAL) + "/oauth2/authorization/myna");
            HttpResponse<String> last = null;
            for (int i = 0; i < 3; i++) {
                last = http.send(HttpRequest.newBuilder(login).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.body()).contains("短い時間に多くの操作がありました").doesNotContain("Exception");
        }
    }
}
