package jp.mynahealth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.support.FreePort;

/**
 * {@code X-Forwarded-For} and {@code -Proto} are believed from the proxies in
 * {@code myna.web.trusted-proxies} only: two portals, one a minute per address for login starts,
 * reached from this machine's loopback address. One lists no proxy yet asks Spring Boot for the
 * forwarded headers (as the TLS profile did), the other lists the loopback range as its proxy.
 */
class ForwardedForTest {

    private static RunningRoles direct;
    private static RunningRoles behindProxy;

    @BeforeAll
    static void start() {
        direct = Application.start("--roles=portal", "--myna.portal.port=" + FreePort.next(),
                "--myna.rate-limit.login-per-address=1", "--server.forward-headers-strategy=native");
        behindProxy = Application.start("--roles=portal", "--myna.portal.port=" + FreePort.next(),
                "--myna.rate-limit.login-per-address=1", "--myna.web.trusted-proxies=127.0.0.0/8, ::1");
    }

    @AfterAll
    static void stop() {
        behindProxy.close();
        direct.close();
    }

    private static HttpResponse<String> get(RunningRoles roles, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + roles.port(Role.PORTAL) + path))
                .header("Accept", "text/html");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int loginStart(RunningRoles roles, String forwardedFor) throws Exception {
        return get(roles, "/oauth2/authorization/myna", "X-Forwarded-For", forwardedFor).statusCode();
    }

    @Test
    void aClientNotListedCannotChooseItsAddressWithTheHeader() throws Exception {
        assertThat(loginStart(direct, "203.0.113.1")).isIn(302, 429);
        assertThat(loginStart(direct, "203.0.113.2")).isEqualTo(429);
        assertThat(loginStart(direct, "198.51.100.7, 203.0.113.3")).isEqualTo(429);
    }

    @Test
    void behindAListedProxyEachClientHasItsOwnLimit() throws Exception {
        assertThat(loginStart(behindProxy, "203.0.113.11")).isEqualTo(302);
        assertThat(loginStart(behindProxy, "203.0.113.11")).isEqualTo(429);
        assertThat(loginStart(behindProxy, "203.0.113.12")).isEqualTo(302);
    }

    @Test
    void behindAListedProxyTheClientIsWhomTheProxySawNotWhatTheClientWrote() throws Exception {
        assertThat(loginStart(behindProxy, "198.51.100.1, 203.0.113.21")).isEqualTo(302);
        assertThat(loginStart(behindProxy, "198.51.100.2, 203.0.113.21")).isEqualTo(429);
        assertThat(loginStart(behindProxy, "198.51.100.3, 203.0.113.21, 127.0.0.9")).isEqualTo(429);
    }

    @Test
    void theSchemeIsBelievedOnlyFromAListedProxy() throws Exception {
        assertThat(get(behindProxy, "/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .isPresent();
        assertThat(get(direct, "/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
    }
}
