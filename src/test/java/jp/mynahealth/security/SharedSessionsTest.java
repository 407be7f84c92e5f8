package jp.mynahealth.security;

import static jp.mynahealth.support.TestBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.mynahealth.Role;
import jp.mynahealth.common.session.SparingSessionRepository;
import jp.mynahealth.portal.kiosk.KioskProperties;
import jp.mynahealth.support.CardLoginSystem;
import jp.mynahealth.support.FreePort;
import jp.mynahealth.support.TestBrowser;

/**
 * Sessions and authorizations live in the database (issue 14): a portal login survives the
 * portal's restart and is good at another portal instance, an idp login survives the idp's
 * restart, a code issued by one idp instance is exchanged at another, and the rules of sessions
 * hold as before (a new id at login, the idle limit, the kiosk's limit and its end, logout, the
 * cookies), their rows appearing in and leaving the database.
 *
 * <p>The portal and the idp here are this test's own contexts beside {@link CardLoginSystem} (its
 * issuer, signer and card, one database), so that restarting one — closing its context and
 * starting it again on its port — disturbs no other test.
 */
class SharedSessionsTest {

    private static final String PORTAL_COOKIE = "MYNA_PORTAL_SESSION";
    private static final String IDP_COOKIE = "MYNA_IDP_SESSION";
    private static final String TERMINAL = "demo-kiosk-01";
    private static final String PERSON = CardLoginSystem.PERSON.toString();
    private static final String WELCOME = "ようこそ、" + CardLoginSystem.PERSON_NAME + " さん";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ConfigurableApplicationContext> EXTRA = new ArrayList<>();

    private static JdbcClient jdbc;
    private static int portalPort;
    private static int idpPort;
    private static String portalUrl;
    private static String idpUrl;
    private static ConfigurableApplicationContext portal;
    private static ConfigurableApplicationContext idp;
    private static ConfigurableApplicationContext kioskSigner;

    @BeforeAll
    static void start() {
        jdbc = CardLoginSystem.roles().common().getBean(JdbcClient.class);
        portalPort = FreePort.next();
        idpPort = FreePort.next();
        portalUrl = "http://localhost:" + portalPort;
        idpUrl = "http://127.0.0.1:" + idpPort;
        idp = startRole(Role.IDP, Map.of());
        portal = startRole(Role.PORTAL, Map.of());
        kioskSigner = CardLoginSystem.anotherRole(Role.SIGNER).run("--myna.signer.port=" + FreePort.next(),
                "--myna.signer.kiosk.terminal-id=" + TERMINAL, "--myna.portal.port=" + portalPort);
    }

    @AfterAll
    static void stop() {
        EXTRA.forEach(ConfigurableApplicationContext::close);
        kioskSigner.close();
        portal.close();
        idp.close();
    }

    /** This test's portal or idp (or one more instance of it), on this test's ports unless {@code overrides} says otherwise. */
    private static ConfigurableApplicationContext startRole(Role role, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("myna.portal.port", String.valueOf(portalPort));
        properties.put("myna.idp.port", String.valueOf(idpPort));
        properties.putAll(overrides);
        return CardLoginSystem.anotherRole(role)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The portal answers on localhost, the idp and the signer on 127.0.0.1 (their cookies must not meet). */
    private static String portalAt(ConfigurableApplicationContext context) {
        return "http://localhost:" + port(context);
    }

    private static String loopbackAt(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + port(context);
    }

    /** A session id as Spring Session writes it into its cookie (Base64). */
    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
    }

    /** The row of the session this cookie names, in the portal's or the idp's schema. */
    private static Optional<Map<String, Object>> session(String schema, String cookie) {
        return jdbc.sql("select principal_name, max_inactive_interval from " + schema + ".spring_session where session_id = :id")
                .param("id", sessionId(cookie)).query().listOfRows().stream().findFirst();
    }

    private static TestBrowser.Login logIn(TestBrowser browser, String signer) {
        TestBrowser.Login login = browser.logIn(portalUrl, signer, CardLoginSystem.CARD, CardLoginSystem.PIN);
        assertThat(login.page().body()).contains(WELCOME);
        return login;
    }

    /** The dashboard as a client with only this cookie asks for it: 200 and the name, or the way to a login. */
    private static HttpResponse<String> dashboard(String portal, String cookie) {
        return new TestBrowser().get(portal + "/dashboard", "Cookie", PORTAL_COOKIE + "=" + cookie);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a form with a CSRF token on " + page.uri()).isTrue();
        return token.group(1);
    }

    @Test
    void aLoginGetsANewSessionIdAndIsKeptInThePortalSchema() {
        TestBrowser browser = new TestBrowser();
        TestBrowser.LoginPage page = browser.openLoginPage(portalUrl);
        String before = browser.cookie(portalUrl, PORTAL_COOKIE).orElseThrow();
        assertThat(session("portal", before)).as("the session holding the authorization request").isPresent();

        TestBrowser.SignedForm form = browser.sign(CardLoginSystem.signer(), page, CardLoginSystem.CARD, CardLoginSystem.PIN);
        assertThat(browser.follow(browser.submit(form)).body()).contains(WELCOME);
        String after = browser.cookie(portalUrl, PORTAL_COOKIE).orElseThrow();
        assertThat(sessionId(after)).isNotEqualTo(sessionId(before));
        assertThat(session("portal", before)).as("the id from before the login").isEmpty();
        assertThat(session("portal", after)).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("principal_name", PERSON).containsEntry("max_inactive_interval", 900));
        assertThat(dashboard(portalUrl, before).statusCode()).isEqualTo(302);
    }

    @Test
    void aPortalLoginIsGoodAtAnotherInstanceAndAfterARestart() {
        TestBrowser browser = new TestBrowser();
        logIn(browser, CardLoginSystem.signer());
        String cookie = browser.cookie(portalUrl, PORTAL_COOKIE).orElseThrow();
        ConfigurableApplicationContext second = startRole(Role.PORTAL, Map.of("myna.portal.port", String.valueOf(FreePort.next())));
        EXTRA.add(second);

        HttpResponse<String> there = dashboard(portalAt(second), cookie);
        assertThat(there.statusCode()).isEqualTo(200);
        assertThat(there.body()).contains(WELCOME);

        portal.close();
        portal = startRole(Role.PORTAL, Map.of());
        HttpResponse<String> afterRestart = dashboard(portalUrl, cookie);
        assertThat(afterRestart.statusCode()).isEqualTo(200);
        assertThat(afterRestart.body()).contains(WELCOME);
    }

    @Test
    void pageViewsSoonAfterOneAnotherLeaveTheSessionRowAlone() {
        TestBrowser browser = new TestBrowser();
        logIn(browser, CardLoginSystem.signer());
        String id = sessionId(browser.cookie(portalUrl, PORTAL_COOKIE).orElseThrow());
        long before = lastAccess(id);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.get(portalUrl + "/dashboard").body()).contains(WELCOME);
        }
        // Within a twentieth of the idle limit (45 s of 15 min), a view moves nothing worth a disk flush.
        assertThat(lastAccess(id)).isEqualTo(before);
    }

    @Test
    void twoRequestsAddingTheSameAttributeAtOnceDoNotCollide() {
        // The store behind the sparing layer: two requests' copies of one session, read before either saved.
        FindByIndexNameSessionRepository<Session> store = storeOf(portal);
        Session session = store.createSession();
        store.save(session);
        Session first = store.findById(session.getId());
        Session second = store.findById(session.getId());
        first.setAttribute("name", "見本 太郎");
        second.setAttribute("name", "見本 太郎");
        store.save(first);
        store.save(second);
        assertThat(store.findById(session.getId()).<String>getAttribute("name")).isEqualTo("見本 太郎");
        store.deleteById(session.getId());
    }

    @SuppressWarnings("unchecked")
    private static FindByIndexNameSessionRepository<Session> storeOf(ConfigurableApplicationContext context) {
        return (FindByIndexNameSessionRepository<Session>) ((SparingSessionRepository<?>) context.getBean(SessionRepository.class)).store();
    }

    private static long lastAccess(String sessionId) {
        return jdbc.sql("select last_access_time from portal.spring_session where session_id = :id")
                .param("id", sessionId).query(Long.class).single();
    }

    @Test
    void logoutRemovesThePortalAndTheIdpSessionFromTheDatabase() {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> dashboard = logIn(browser, CardLoginSystem.signer()).page();
        String portalCookie = browser.cookie(portalUrl, PORTAL_COOKIE).orElseThrow();
        String idpCookie = browser.cookie(idpUrl, IDP_COOKIE).orElseThrow();
        assertThat(session("idp", idpCookie)).hasValueSatisfying(row -> assertThat(row).containsEntry("principal_name", PERSON));

        String endSession = location(browser.post(portalUrl + "/logout", "_csrf=" + TestBrowser.encode(csrf(dashboard))));
        assertThat(endSession).startsWith(idpUrl + "/connect/logout?id_token_hint=");
        assertThat(session("portal", portalCookie)).isEmpty();

        // The idp finds the ID token's authorization in its store, and the session its sid names.
        assertThat(location(browser.get(endSession))).isEqualTo(portalUrl + "/");
        assertThat(session("idp", idpCookie)).isEmpty();
        assertThat(dashboard(portalUrl, portalCookie).statusCode()).isEqualTo(302);
    }

    @Test
    void aKioskSessionKeepsTheKioskLimitLeavesNoIdpSessionAndEndsWithoutATrace() {
        TestBrowser kiosk = new TestBrowser();
        assertThat(kiosk.get(portalUrl + "/kiosk").body()).contains("カードを置いてください");
        TestBrowser.SignedForm form = kiosk.sign(loopbackAt(kioskSigner), kiosk.openLoginPage(portalUrl), CardLoginSystem.CARD,
                CardLoginSystem.PIN);
        IdpAnswer answer = untilRedirectTo(kiosk, kiosk.submit(form), portalUrl + "/login/oauth2/code/myna");
        assertThat(session("idp", answer.idpCookieAtLogin())).as("the idp session ends once the code is issued").isEmpty();

        HttpResponse<String> dashboard = kiosk.follow(kiosk.get(answer.redirect()));
        assertThat(dashboard.body()).contains(WELCOME, "終了する");
        String cookie = kiosk.cookie(portalUrl, PORTAL_COOKIE).orElseThrow();
        long kioskLimit = portal.getBean(KioskProperties.class).serverTimeout().toSeconds();
        assertThat(session("portal", cookie)).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("max_inactive_interval", (int) kioskLimit));

        HttpResponse<String> finished = kiosk.post(portalUrl + "/logout", "_csrf=" + TestBrowser.encode(csrf(dashboard)));
        assertThat(finished.headers().firstValue("Clear-Site-Data")).contains("\"cache\", \"cookies\", \"storage\"");
        assertThat(session("portal", cookie)).isEmpty();
    }

    @Test
    void theIdleLimitStillEndsASession() throws Exception {
        // Warm: the login below must come back to the portal within the short limit.
        logIn(new TestBrowser(), CardLoginSystem.signer());
        portal.close();
        try {
            portal = startRole(Role.PORTAL, Map.of("server.servlet.session.timeout", "4s"));
            TestBrowser browser = new TestBrowser();
            logIn(browser, CardLoginSystem.signer());
            String cookie = browser.cookie(portalUrl, PORTAL_COOKIE).orElseThrow();
            assertThat(session("portal", cookie)).hasValueSatisfying(row -> assertThat(row).containsEntry("max_inactive_interval", 4));

            Thread.sleep(4_500);
            HttpResponse<String> idle = browser.get(portalUrl + "/dashboard");
            assertThat(idle.statusCode()).isEqualTo(302);
            assertThat(location(idle)).endsWith("/oauth2/authorization/myna");
            assertThat(session("portal", cookie)).isEmpty();
        } finally {
            portal.close();
            portal = startRole(Role.PORTAL, Map.of());
        }
    }

    @Test
    void aCodeFromOneIdpIsExchangedAtAnotherAndAnIdpLoginOutlivesARestart() throws Exception {
        ConfigurableApplicationContext second = startRole(Role.IDP, Map.of("myna.idp.port", String.valueOf(FreePort.next()),
                // Instances of one provider share its issuer (the address in front of them).
                "myna.idp.url", idpUrl));
        EXTRA.add(second);
        String redirectUri = portalUrl + "/login/oauth2/code/myna";
        TestBrowser browser = new TestBrowser();

        String verifier = randomBase64Url();
        TestBrowser.SignedForm form = browser.sign(CardLoginSystem.signer(),
                browser.openLoginPageFrom(authorizeUrl(verifier, redirectUri)), CardLoginSystem.CARD, CardLoginSystem.PIN);
        IdpAnswer answer = untilRedirectTo(browser, browser.submit(form), redirectUri);
        String code = codeOf(answer.redirect());
        HttpResponse<String> tokens = exchange(loopbackAt(second), code, verifier, redirectUri);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String idToken = JSON.readTree(tokens.body()).get("id_token").asText();
        JsonNode claims = claims(idToken);
        assertThat(claims.get("sub").asText()).isEqualTo(PERSON);
        assertThat(claims.get("iss").asText()).isEqualTo(idpUrl);
        assertThat(claims.get("acr").asText()).isEqualTo("urn:myna-health:acr:card");
        // The other instance found the browser's idp session in the shared store.
        assertThat(claims.path("sid").asText()).isEqualTo(sha256Base64Url(sessionId(answer.idpCookieAtLogin())));
        assertThat(exchange(idpUrl, code, verifier, redirectUri).statusCode()).as("a code is used once, whichever instance")
                .isEqualTo(400);

        idp.close();
        idp = startRole(Role.IDP, Map.of());
        TestBrowser sameBrowser = new TestBrowser();
        String idpCookie = IDP_COOKIE + "=" + answer.idpCookieAtLogin();
        String again = randomBase64Url();
        String reply = location(sameBrowser.get(authorizeUrl(again, redirectUri), "Cookie", idpCookie));
        assertThat(reply).as("no new login after the restart").startsWith(redirectUri + "?code=");
        HttpResponse<String> afterRestart = exchange(idpUrl, codeOf(reply), again, redirectUri);
        assertThat(afterRestart.statusCode()).as(afterRestart.body()).isEqualTo(200);

        String loggedOut = location(sameBrowser.get(idpUrl + "/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + URLEncoder.encode(portalUrl + "/", StandardCharsets.UTF_8), "Cookie", idpCookie));
        assertThat(loggedOut).isEqualTo(portalUrl + "/");
        assertThat(session("idp", answer.idpCookieAtLogin())).isEmpty();
    }

    @Test
    void theSessionCookiesKeepTheirNamesAndAttributesAndUnderTlsTheirHostPrefix() {
        assertThat(sessionCookie(portalUrl + "/oauth2/authorization/myna", PORTAL_COOKIE))
                .contains("Path=/", "HttpOnly", "SameSite=Lax").doesNotContain("Secure").noneMatch(a -> a.startsWith("Domain"));
        assertThat(sessionCookie(idpUrl + "/login", IDP_COOKIE))
                .contains("Path=/", "HttpOnly", "SameSite=Lax").doesNotContain("Secure").noneMatch(a -> a.startsWith("Domain"));

        ConfigurableApplicationContext tlsPortal = startRole(Role.PORTAL, Map.of("spring.profiles.active", "tls",
                "myna.portal.port", String.valueOf(FreePort.next())));
        EXTRA.add(tlsPortal);
        ConfigurableApplicationContext tlsIdp = startRole(Role.IDP, Map.of("spring.profiles.active", "tls",
                "myna.idp.port", String.valueOf(FreePort.next())));
        EXTRA.add(tlsIdp);
        // __Host-: Secure, Path=/ and no Domain, or browsers refuse the cookie.
        assertThat(sessionCookie(portalAt(tlsPortal) + "/oauth2/authorization/myna", "__Host-" + PORTAL_COOKIE))
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax").noneMatch(a -> a.startsWith("Domain"));
        assertThat(sessionCookie(loopbackAt(tlsIdp) + "/login", "__Host-" + IDP_COOKIE))
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax").noneMatch(a -> a.startsWith("Domain"));
    }

    /** The attributes of the session cookie that the first request to {@code url} sets. */
    private static List<String> sessionCookie(String url, String name) {
        HttpResponse<String> response = new TestBrowser().get(url);
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie from " + url + ": " + response.headers()));
        List<String> attributes = List.of(cookie.split(";\\s*"));
        return attributes.subList(1, attributes.size());
    }

    /** Where the idp sent the browser in the end, and the idp session the card login made. */
    private record IdpAnswer(String redirect, String idpCookieAtLogin) {
    }

    /** Follows the idp's redirects after the signer's form until one leaves for {@code redirectUri}. */
    private static IdpAnswer untilRedirectTo(TestBrowser browser, HttpResponse<String> response, String redirectUri) {
        String idpCookie = null;
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 5 && !location(current).startsWith(redirectUri); hops++) {
            current = browser.get(location(current));
            if (current.uri().getPath().startsWith("/login/card/")) {
                idpCookie = browser.cookie(idpUrl, IDP_COOKIE).orElseThrow();
            }
        }
        assertThat(location(current)).as("the idp's answer to the authorization request").startsWith(redirectUri);
        assertThat(idpCookie).as("the idp session of the login").isNotNull();
        return new IdpAnswer(location(current), idpCookie);
    }

    private static String authorizeUrl(String verifier, String redirectUri) {
        return idpUrl + "/oauth2/authorize?response_type=code&client_id=myna-portal&scope=openid&state=s1&nonce=n1"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&code_challenge=" + sha256Base64Url(verifier) + "&code_challenge_method=S256";
    }

    private static String codeOf(String redirect) {
        for (String parameter : URI.create(redirect).getRawQuery().split("&")) {
            if (parameter.startsWith("code=")) {
                return URLDecoder.decode(parameter.substring("code=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no code in " + redirect);
    }

    /** The portal's token request, as its OIDC client sends it. */
    private static HttpResponse<String> exchange(String idp, String code, String verifier, String redirectUri) throws Exception {
        String client = Base64.getEncoder().encodeToString("myna-portal:demo-portal-secret-change-me".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(idp + "/oauth2/token"))
                .header("Authorization", "Basic " + client)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + TestBrowser.encode(code)
                        + "&redirect_uri=" + TestBrowser.encode(redirectUri) + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String randomBase64Url() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256Base64Url(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
