package jp.mynahealth.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jp.mynahealth.support.CardLoginSystem;
import jp.mynahealth.support.TestBrowser;

/**
 * Session fixation: a session id someone planted before the login (or read off the shared screen)
 * is worth nothing after it. At the portal and at the idp the session cookie of the login is a new
 * one, and the one from before it is not logged in.
 */
class SessionFixationTest {

    private static final String PORTAL_COOKIE = "MYNA_PORTAL_SESSION";
    private static final String IDP_COOKIE = "MYNA_IDP_SESSION";

    @Test
    void theSessionIdsChangeAtLoginAndTheOldOnesAreNotLoggedIn() {
        String portal = CardLoginSystem.portal();
        String idp = CardLoginSystem.idp();
        TestBrowser citizen = new TestBrowser();
        TestBrowser.LoginPage page = citizen.openLoginPage(portal);
        String portalBefore = citizen.cookie(portal, PORTAL_COOKIE).orElseThrow();
        String idpBefore = citizen.cookie(idp, IDP_COOKIE).orElseThrow();

        TestBrowser.SignedForm form = citizen.sign(CardLoginSystem.signer(), page, CardLoginSystem.CARD, CardLoginSystem.PIN);
        assertThat(citizen.follow(citizen.submit(form)).body()).contains("ようこそ、" + CardLoginSystem.PERSON_NAME + " さん");
        String portalAfter = citizen.cookie(portal, PORTAL_COOKIE).orElseThrow();
        String idpAfter = citizen.cookie(idp, IDP_COOKIE).orElseThrow();

        assertThat(portalAfter).isNotEqualTo(portalBefore);
        assertThat(idpAfter).isNotEqualTo(idpBefore);
        assertThat(citizen.get(portal + "/dashboard").statusCode()).isEqualTo(200);

        var atPortal = new TestBrowser().get(portal + "/dashboard", "Cookie", PORTAL_COOKIE + "=" + portalBefore);
        assertThat(atPortal.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(atPortal)).endsWith("/oauth2/authorization/myna");
        String authorize = TestBrowser.location(new TestBrowser().get(portal + "/oauth2/authorization/myna"));
        var atIdp = new TestBrowser().get(authorize, "Cookie", IDP_COOKIE + "=" + idpBefore);
        assertThat(TestBrowser.location(atIdp)).as("the idp asks for a card").isEqualTo(idp + "/login");
    }
}
