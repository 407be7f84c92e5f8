package jp.mynahealth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import jp.mynahealth.Role;
import jp.mynahealth.support.CardLoginSystem;
import jp.mynahealth.support.FreePort;
import jp.mynahealth.support.TestBrowser;

/**
 * The portal accepts only an ID token that says the login was made with the card
 * ({@code acr=urn:myna-health:acr:card}). A real idp and portal beside the system, the idp's ID
 * token claims changed after its own customizer has set them; the card login itself is the real
 * one, through the system's signer and issuer.
 */
class IdTokenAcrTest {

    private static final String CARD_ACR = "urn:myna-health:acr:card";
    /** How this test changes the idp's ID token claims; nothing unless a test says. */
    private static volatile Consumer<Map<String, Object>> changeClaims = claims -> {
    };
    private static ConfigurableApplicationContext idp;
    private static ConfigurableApplicationContext portal;

    /** The idp's own customizer first, then this test's change, on ID tokens only. */
    private record ChangedIdToken(OAuth2TokenCustomizer<JwtEncodingContext> idps)
            implements OAuth2TokenCustomizer<JwtEncodingContext> {

        @Override
        public void customize(JwtEncodingContext context) {
            idps.customize(context);
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claims(claims -> changeClaims.accept(claims));
            }
        }
    }

    @BeforeAll
    static void start() {
        String[] ports = { "--myna.idp.port=" + FreePort.next(), "--myna.portal.port=" + FreePort.next(),
                "--myna.signer.port=" + CardLoginSystem.roles().port(Role.SIGNER) };
        ApplicationContextInitializer<ConfigurableApplicationContext> changeIdTokens = context -> context.getBeanFactory()
                .addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return "idTokenClaims".equals(name)
                                ? new ChangedIdToken((OAuth2TokenCustomizer<JwtEncodingContext>) bean)
                                : bean;
                    }
                });
        idp = CardLoginSystem.anotherRole(Role.IDP).initializers(changeIdTokens).run(ports);
        portal = CardLoginSystem.anotherRole(Role.PORTAL).run(ports);
    }

    @AfterAll
    static void stop() {
        portal.close();
        idp.close();
    }

    @AfterEach
    void idTokensAsTheIdpMakesThem() {
        changeClaims = claims -> {
        };
    }

    private static String portalUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) portal).getWebServer().getPort();
    }

    private static TestBrowser.Login logIn(TestBrowser browser) {
        return browser.logIn(portalUrl(), CardLoginSystem.signer(), CardLoginSystem.CARD, CardLoginSystem.PIN);
    }

    private static void assertNotLoggedIn(TestBrowser browser, TestBrowser.Login login) {
        assertThat(login.page().uri().toString()).isEqualTo(portalUrl() + "/?login=failed");
        assertThat(login.page().body()).contains("ログインできませんでした").doesNotContain(CardLoginSystem.PERSON_NAME);
        assertThat(TestBrowser.location(browser.get(portalUrl() + "/dashboard"))).endsWith("/oauth2/authorization/myna");
    }

    @Test
    void theCardsAcrLogsIn() {
        AtomicReference<Object> acr = new AtomicReference<>();
        changeClaims = claims -> acr.set(claims.get("acr"));
        TestBrowser browser = new TestBrowser();
        assertThat(logIn(browser).page().body()).contains("ようこそ、" + CardLoginSystem.PERSON_NAME + " さん");
        assertThat(acr.get()).isEqualTo(CARD_ACR);
        assertThat(browser.get(portalUrl() + "/dashboard").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherAcrDoesNotLogIn() {
        changeClaims = claims -> claims.put("acr", "urn:myna-health:acr:password");
        TestBrowser browser = new TestBrowser();
        assertNotLoggedIn(browser, logIn(browser));
    }

    @Test
    void noAcrDoesNotLogIn() {
        changeClaims = claims -> claims.remove("acr");
        TestBrowser browser = new TestBrowser();
        assertNotLoggedIn(browser, logIn(browser));
    }
}
