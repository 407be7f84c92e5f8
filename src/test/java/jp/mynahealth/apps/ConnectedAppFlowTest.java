package jp.mynahealth.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.Role;
import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.idp.apps.App;
import jp.mynahealth.idp.apps.AppRegistry;
import jp.mynahealth.idp.apps.AppSecrets;
import jp.mynahealth.support.AppClientFlow;
import jp.mynahealth.support.AppClientFlow.Token;
import jp.mynahealth.support.CardLoginSystem;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.StoreLogins;
import jp.mynahealth.support.TestBrowser;

/**
 * The whole consented flow on the real system: an app sends 見本 太郎 to the idp, he logs in with his
 * card, consents on the page (unticking what he will not give), the app exchanges the code with its
 * PKCE verifier and reads through the API; and each rule that guards it.
 */
class ConnectedAppFlowTest {

    private static final String SECRET = "test-app-secret-0123456789abcdef";
    private static final String REDIRECT = "http://127.0.0.1:9/callback";
    private static JdbcClient jdbc;

    @BeforeAll
    static void registerApps() {
        CardLoginSystem.roles();
        AppRegistry apps = CardLoginSystem.roles().context(Role.IDP).getBean(AppRegistry.class);
        apps.register(new App("flow-test-app", "テスト家計簿アプリ", "テスト株式会社", List.of(REDIRECT),
                EnumSet.allOf(AppScope.class), Optional.of(AppSecrets.hash(SECRET))));
        apps.register(new App("flow-test-public", "テスト公開アプリ", "テスト株式会社", List.of(REDIRECT),
                EnumSet.of(AppScope.DRUGS, AppScope.TAX_NOTICE), Optional.empty()));
        jdbc = CardLoginSystem.roles().common().getBean(JdbcClient.class);
    }

    private static AppClientFlow app() {
        return new AppClientFlow(CardLoginSystem.idp(), "flow-test-app", SECRET, REDIRECT);
    }

    private static String api(String path) {
        return CardLoginSystem.portal() + "/api/v1" + path;
    }

    /** Logs 太郎 in for the app and consents as asked; returns the token answer. */
    private static Token connect(AppClientFlow app, String asked, List<String> ticked, String duration, String subject) {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> page = app.logInAndOpenConsent(browser, CardLoginSystem.signer(), CardLoginSystem.CARD,
                CardLoginSystem.PIN, asked);
        assertThat(page.statusCode()).isEqualTo(200);
        // 太郎 acts for family: the first step asks whose data.
        page = app.consentPageFor(browser, page, asked, subject == null ? PortalRole.TARO : subject);
        assertThat(page.body()).contains("テスト家計簿アプリ", "テスト株式会社");
        HttpResponse<String> back = app.consent(browser, page, ticked, duration, subject);
        return app.exchange(AppClientFlow.code(back));
    }

    @Test
    void anAppReadsTheTaxNoticeItWasGivenAndIsInTheHistory() {
        Token token = connect(app(), "tax-notice costs", List.of("tax-notice"), "once", null);
        assertThat(token.status()).isEqualTo(200);
        Map<String, Object> claims = AppClientFlow.claims(token.accessToken());
        assertThat(claims).containsEntry("sub", PortalRole.TARO.toString()).containsKey("cid").doesNotContainKey("act");
        assertThat(claims.get("scope")).asList().containsExactly("tax-notice");

        HttpResponse<byte[]> notice = AppClientFlow.call(api("/tax-notices/2025"), token.accessToken());
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        assertThat(new String(notice.body(), StandardCharsets.UTF_8)).contains("Signature");
        assertThat(jdbc.sql("""
                select count(*) from portal.access_log
                where person_id = :p and action = 'api_tax_notice' and channel = 'api' and terminal_id = 'flow-test-app'
                """).param("p", PortalRole.TARO).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select last_read_at is not null from portal.app_read where consent_id = :c")
                .param("c", Long.parseLong((String) claims.get("cid"))).query(Boolean.class).single()).isTrue();
    }

    @Test
    void dataTheCitizenUntickedIsForbidden() {
        Token token = connect(app(), "tax-notice costs", List.of("costs"), "once", null);
        HttpResponse<byte[]> refused = AppClientFlow.call(api("/tax-notices/2025"), token.accessToken());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("OperationOutcome", "forbidden");
    }

    @Test
    void declining() {
        TestBrowser browser = new TestBrowser();
        AppClientFlow app = app();
        HttpResponse<String> page = app.logInAndOpenConsent(browser, CardLoginSystem.signer(), CardLoginSystem.CARD,
                CardLoginSystem.PIN, "tax-notice");
        page = app.consentPageFor(browser, page, "tax-notice", PortalRole.TARO);
        HttpResponse<String> back = app.consent(browser, page, List.of(), null, null);
        assertThat(TestBrowser.location(back)).startsWith(REDIRECT).contains("error=access_denied");
    }

    @Test
    void noTokenOrAPortalLoginTokenIsUnauthorized() {
        HttpResponse<byte[]> none = AppClientFlow.call(api("/tax-notices/2025"), null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(new String(none.body(), StandardCharsets.UTF_8)).contains("OperationOutcome");
        assertThat(AppClientFlow.call(api("/tax-notices/2025"), "not.a.token").statusCode()).isEqualTo(401);
        // A citizen's own login to the pages is no key to the API.
        TestBrowser browser = new TestBrowser();
        browser.logIn(CardLoginSystem.portal(), CardLoginSystem.signer(), CardLoginSystem.CARD, CardLoginSystem.PIN);
        assertThat(browser.get(api("/tax-notices/2025")).statusCode()).isEqualTo(401);
    }

    @Test
    void anEndedConsentIsUnauthorizedAtTheNextCallAndCannotRefresh() {
        Token token = connect(app(), "tax-notice", List.of("tax-notice"), "90", null);
        assertThat(token.refreshToken()).isNotBlank();
        Token refreshed = app().refresh(token.refreshToken());
        // The refresh is made by the same app, but with a new PKCE verifier: refresh needs none.
        assertThat(refreshed.status()).as(refreshed.json().toString()).isEqualTo(200);
        assertThat(AppClientFlow.call(api("/tax-notices/2025"), refreshed.accessToken()).statusCode()).isEqualTo(200);

        long consent = Long.parseLong((String) AppClientFlow.claims(refreshed.accessToken()).get("cid"));
        // The citizen disconnects it on 連携中のアプリ (ConnectedAppsPagesTest drives the page).
        jdbc.sql("insert into portal.app_disconnection (consent_id, person_id, ended_at, ended_by) values (:c, :p, now(), 'person')")
                .param("c", consent).param("p", PortalRole.TARO).update();
        assertThat(AppClientFlow.call(api("/tax-notices/2025"), refreshed.accessToken()).statusCode()).isEqualTo(401);
        assertThat(app().refresh(refreshed.refreshToken()).status()).isEqualTo(400);
    }

    @Test
    void aConsentPastItsDayOrOfARetiredAppIsUnauthorized() {
        Token token = connect(app(), "tax-notice", List.of("tax-notice"), "30", null);
        long consent = Long.parseLong((String) AppClientFlow.claims(token.accessToken()).get("cid"));
        assertThat(AppClientFlow.call(api("/tax-notices/2025"), token.accessToken()).statusCode()).isEqualTo(200);
        // Time passing, as the owner: the running roles may not move a consent's day (their grants forbid it).
        JdbcClient.create(StoreLogins.owner(CardLoginSystem.roles().common()))
                .sql("""
                        update idp.app_consent set granted_at = granted_at - interval '31 days', valid_until = granted_at - interval '1 day'
                        where consent_id = :c
                        """)
                .param("c", consent).update();
        assertThat(AppClientFlow.call(api("/tax-notices/2025"), token.accessToken()).statusCode()).as("past its day").isEqualTo(401);
        assertThat(app().refresh(token.refreshToken()).status()).isEqualTo(400);

        Token again = connect(app(), "tax-notice", List.of("tax-notice"), "30", null);
        AppRegistry apps = CardLoginSystem.roles().context(Role.IDP).getBean(AppRegistry.class);
        apps.retire("flow-test-app");
        try {
            assertThat(AppClientFlow.call(api("/tax-notices/2025"), again.accessToken()).statusCode()).as("retired").isEqualTo(401);
        } finally {
            registerApps();
        }
    }

    @Test
    void aProxysConsentEndsWithTheGrant() {
        Token token = connect(app(), "costs drugs", List.of("costs"), "30", PortalRole.ICHIRO.toString());
        long grant = jdbc.sql("select grant_id from idp.app_consent where consent_id = :c")
                .param("c", Long.parseLong((String) AppClientFlow.claims(token.accessToken()).get("cid"))).query(Long.class).single();
        assertThat(AppClientFlow.call(api("/fhir/ExplanationOfBenefit"), token.accessToken()).statusCode()).isEqualTo(200);
        jdbc.sql("update portal.proxy_grant set ended_at = now(), ended_by = 'principal' where grant_id = :g").param("g", grant).update();
        try {
            assertThat(AppClientFlow.call(api("/fhir/ExplanationOfBenefit"), token.accessToken()).statusCode()).isEqualTo(401);
        } finally {
            // Others test with the demo grant: it comes back as the demo made it.
            jdbc.sql("update portal.proxy_grant set ended_at = null, ended_by = null where grant_id = :g").param("g", grant).update();
        }
    }

    @Test
    void aConsentForOnceIsNotRenewed() {
        Token token = connect(app(), "tax-notice", List.of("tax-notice"), "once", null);
        if (token.refreshToken() != null) {
            assertThat(app().refresh(token.refreshToken()).status()).isEqualTo(400);
        }
    }

    @Test
    void pkceAndTheExactRedirectUriAreRequired() {
        TestBrowser browser = new TestBrowser();
        // No code_challenge: the idp answers the app with invalid_request.
        HttpResponse<String> noPkce = browser.get(CardLoginSystem.idp() + "/oauth2/authorize?response_type=code&client_id=flow-test-app"
                + "&redirect_uri=" + TestBrowser.encode(REDIRECT) + "&scope=tax-notice&state=s");
        assertThat(TestBrowser.location(noPkce)).startsWith(REDIRECT).contains("error=invalid_request");
        // Another redirect URI: never redirected to, an error page at the idp.
        HttpResponse<String> elsewhere = browser.get(CardLoginSystem.idp() + "/oauth2/authorize?response_type=code&client_id=flow-test-app"
                + "&redirect_uri=" + TestBrowser.encode(REDIRECT + "/other") + "&scope=tax-notice&state=s&code_challenge=abc"
                + "&code_challenge_method=S256");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        // A scope the app was not registered for.
        AppClientFlow publicApp = new AppClientFlow(CardLoginSystem.idp(), "flow-test-public", null, REDIRECT);
        HttpResponse<String> tooMuch = browser.get(publicApp.authorizationUrl("checkups"));
        assertThat(TestBrowser.location(tooMuch)).startsWith(REDIRECT).contains("error=invalid_scope");
    }

    @Test
    void aProxyConsentsOnlyWithinTheGrantAndTheTokenReadsThePrincipal() {
        // 太郎 is 一郎's chosen proxy for drugs and costs: no tax notice for 一郎.
        Token token = connect(app(), "tax-notice costs drugs", List.of("costs", "drugs"), "30", PortalRole.ICHIRO.toString());
        assertThat(token.status()).isEqualTo(200);
        Map<String, Object> claims = AppClientFlow.claims(token.accessToken());
        assertThat(claims).containsEntry("sub", PortalRole.ICHIRO.toString());
        assertThat(claims.get("act")).isEqualTo(Map.of("sub", PortalRole.TARO.toString()));
        assertThat(AppClientFlow.call(api("/tax-notices/2025"), token.accessToken()).statusCode()).isEqualTo(403);
    }

    @Test
    void aProxyFormAskingBeyondTheGrantIsRefused() {
        TestBrowser browser = new TestBrowser();
        AppClientFlow app = app();
        HttpResponse<String> page = app.logInAndOpenConsent(browser, CardLoginSystem.signer(), CardLoginSystem.CARD,
                CardLoginSystem.PIN, "tax-notice costs");
        page = app.consentPageFor(browser, page, "tax-notice costs", PortalRole.ICHIRO);
        assertThat(page.body()).doesNotContain("value=\"tax-notice\"");
        HttpResponse<String> forged = app.consent(browser, page, List.of("tax-notice"), "once", PortalRole.ICHIRO.toString());
        assertThat(forged.statusCode()).isEqualTo(400);
    }
}
