package jp.mynahealth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;

import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.e2e.support.BrowserTest;
import jp.mynahealth.e2e.support.CardLogin;
import jp.mynahealth.e2e.support.RunningSystem;
import jp.mynahealth.e2e.support.TestTls;
import jp.mynahealth.support.FreePort;

/**
 * The card login with portal, idp and signer on three different sites, the portal and the idp
 * under TLS with their {@code tls} profile ({@code __Host-} session cookies, Secure, SameSite=Lax):
 * the portal at {@code https://127.0.0.2:…}, the idp at {@code https://localhost:…}, the citizen's
 * signer at {@code http://127.0.0.1:…}. The signer's form reaches the idp as a cross-site POST, which
 * Chromium sends without the idp's cookie; the login completes on the top-level GET after it.
 *
 * <p>Chromium trusts the test run's own TLS authority through an NSS database in a home folder of
 * its own (no certificate errors are ignored); the portal's back channel to the idp trusts it
 * through the JVM's default TLS context, set for this class only.
 */
class LoginAcrossSitesE2ETest extends BrowserTest {

    private static final List<ConfigurableApplicationContext> SITES = new ArrayList<>();
    private static final String IDP_COOKIE = "__Host-MYNA_IDP_SESSION";
    private static SSLContext previousContext;
    private static SSLSocketFactory previousFactory;
    private static String portal;
    private static String idp;

    /** Hides BrowserTest's: this class's browser trusts the test TLS authority. */
    @BeforeAll
    protected static void launchBrowser() {
        assumeTrue(TestTls.browserTrustAvailable(), "certutil (libnss3-tools) is not installed (.ci/run installs it)");
        TestTls tls = TestTls.get();
        RunningRoles system = RunningSystem.get();
        int idpPort = FreePort.next();
        int portalPort = FreePort.next();
        idp = "https://localhost:" + idpPort;
        portal = "https://127.0.0.2:" + portalPort;
        try {
            previousContext = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        previousFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        SSLContext trusting = tls.clientContext();
        SSLContext.setDefault(trusting);
        HttpsURLConnection.setDefaultSSLSocketFactory(trusting.getSocketFactory());
        String signer = "--myna.signer.port=" + system.port(Role.SIGNER);
        // The system's demo tax software stays where it is: this idp registers the demo app too, for the same address.
        start(system, Role.IDP, tls, "--myna.idp.port=" + idpPort, "--myna.idp.url=" + idp,
                "--myna.idp.portal-url=" + portal, signer, "--myna.taxapp.port=" + system.port(Role.TAXAPP));
        start(system, Role.PORTAL, tls, "--myna.portal.port=" + portalPort, "--myna.portal.address=127.0.0.2",
                "--myna.portal.login.idp-url=" + idp, signer);
        launch(Map.of("HOME", tls.browserHome().orElseThrow().toString()));
    }

    /** A role of its own beside the running system (same database, signer and issuer), under TLS. */
    private static void start(RunningRoles system, Role role, TestTls tls, String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.addAll(tls.serverArguments());
        SITES.add(new SpringApplicationBuilder(role.configuration())
                .parent(system.common())
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .profiles("tls")
                .properties("spring.config.name=application," + role.configName())
                .run(args.toArray(String[]::new)));
    }

    @AfterAll
    static void stopSites() {
        for (int i = SITES.size() - 1; i >= 0; i--) {
            SITES.get(i).close();
        }
        SITES.clear();
        if (previousContext != null) {
            SSLContext.setDefault(previousContext);
            HttpsURLConnection.setDefaultSSLSocketFactory(previousFactory);
        }
    }

    private Page.GetByRoleOptions heading() {
        return new Page.GetByRoleOptions().setLevel(1);
    }

    private static String cookiesSent(Request request) {
        return request.allHeaders().getOrDefault("cookie", "");
    }

    @Test
    void taroLogsInThroughTheIdpOnItsOwnSiteAndTheSignersPostCannotBeReplayed() throws Exception {
        List<Request> toIdp = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().startsWith(idp + "/login/card/")) {
                toIdp.add(request);
            }
        });
        CardLogin.openSigner(page, portal);
        assertThat(page).hasURL(Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/v1/authenticate\\?.*"));
        assertThat(page.getByText(idp).first()).isVisible();
        CardLogin.usePin(page, "見本 太郎", "1234");
        assertThat(page).hasURL(portal + "/dashboard");
        assertThat(page.getByRole(AriaRole.HEADING, heading())).hasText("ようこそ、見本 太郎 さん");

        Request post = toIdp.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        Request completion = toIdp.stream().filter(r -> r.url().startsWith(idp + "/login/card/complete?handle="))
                .findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(cookiesSent(post))
                .as("the signer's cross-site POST comes without the idp's Lax cookie").doesNotContain(IDP_COOKIE);
        org.assertj.core.api.Assertions.assertThat(cookiesSent(completion))
                .as("the top-level GET after it carries it").contains(IDP_COOKIE + "=");
        Cookie session = context.cookies(idp).stream().filter(c -> c.name.equals(IDP_COOKIE)).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(session.secure).isTrue();
        org.assertj.core.api.Assertions.assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);

        HttpResponse<String> replay = HttpClient.newBuilder().sslContext(TestTls.get().clientContext()).build()
                .send(HttpRequest.newBuilder(URI.create(post.url()))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(post.postData())).build(), HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(replay.statusCode()).as("the same POST again").isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(replay.headers().firstValue("Location")).isEmpty();
        assertAccessible();
    }

    @Test
    void aCardUsedForAnotherBrowsersChallengeLogsInNeitherBrowser() {
        CardLogin.openSigner(page, portal);
        String signerPageOfThisBrowser = page.url();

        BrowserContext other = anotherBrowser();
        try {
            Page stranger = other.newPage();
            List<Response> completions = new ArrayList<>();
            stranger.onResponse(response -> {
                if (response.url().startsWith(idp + "/login/card/complete")) {
                    completions.add(response);
                }
            });
            // The other browser has an idp session of its own, then signs the first browser's challenge.
            CardLogin.openSigner(stranger, portal);
            stranger.navigate(signerPageOfThisBrowser);
            CardLogin.usePin(stranger, "見本 花子", "1234");
            assertThat(stranger.getByRole(AriaRole.HEADING, heading())).hasText("ログインできませんでした");
            org.assertj.core.api.Assertions.assertThat(completions).singleElement()
                    .satisfies(response -> org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(400));
            stranger.navigate(portal + "/dashboard");
            assertThat(stranger.getByRole(AriaRole.HEADING, heading())).hasText("マイナンバーカードでログイン");
        } finally {
            other.close();
        }

        // Its challenge is used up: the first browser's own card is refused too, and it is not logged in.
        CardLogin.usePin(page, "見本 太郎", "1234");
        assertThat(page.getByRole(AriaRole.HEADING, heading())).hasText("ログインできませんでした");
        assertAccessible();
        page.navigate(portal + "/dashboard");
        assertThat(page.getByRole(AriaRole.HEADING, heading())).hasText("マイナンバーカードでログイン");
    }

    @Test
    void aRevokedCardIsRefusedInTheChosenLanguageAfterTheCrossSitePost() {
        List<Response> completions = new ArrayList<>();
        page.onResponse(response -> {
            if (response.url().startsWith(idp + "/login/card/complete")) {
                completions.add(response);
            }
        });
        page.navigate(portal + "/?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with My Number card")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the signer and read the card")).click();
        page.getByLabel("失効済みカード（見本）").check();
        page.getByLabel("PIN (4 digits)").fill("1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        assertThat(page.getByRole(AriaRole.HEADING, heading())).hasText("This certificate has been revoked");
        org.assertj.core.api.Assertions.assertThat(completions).singleElement()
                .satisfies(response -> org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403));
        assertAccessible();
    }
}
