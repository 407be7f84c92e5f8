package jp.mynahealth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.mynahealth.Role;
import jp.mynahealth.support.CardLoginSystem;
import jp.mynahealth.support.TestBrowser;

/**
 * Every state-changing request of the portal and the idp without a CSRF token is refused with 403
 * and the polite error page, in a browser logged in at both. The requests are found from the
 * controller mappings (so a new one is covered without a word here), plus the few that filters
 * answer. The exceptions are listed below, each with what protects it instead.
 */
class CsrfTest {

    private static final Set<RequestMethod> SAFE = EnumSet.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS,
            RequestMethod.TRACE);

    /** Answered by Spring Security's filters, not by a controller: the mappings cannot list them. */
    private static final Set<String> PORTAL_FILTER_POSTS = Set.of("POST /logout");
    private static final Set<String> IDP_FILTER_POSTS = Set.of("POST /logout");

    /** The idp's endpoints that take a POST without a CSRF token, and what protects each instead. */
    private static final Map<String, String> IDP_EXCEPTIONS = Map.of(
            "/login/card/callback", "the signer's auto-posted form comes from another origin and cannot know the idp's"
                    + " token: the challenge is its defence (bound to the session, used once, 5 minutes)",
            "/oauth2/authorize", "an authorization request, the same as its GET: answered only to the portal's registered"
                    + " redirect URI, where the portal's state and PKCE must match",
            "/oauth2/token", "the portal's back channel, authenticated by its client secret, not by a browser session",
            "/oauth2/introspect", "a client's back channel, authenticated by its client secret",
            "/oauth2/revoke", "a client's back channel, authenticated by its client secret",
            "/oauth2/device_authorization", "a client's back channel; the one client, the portal, may not use the device grant",
            "/userinfo", "takes an access token (Bearer), not the session",
            "/connect/logout", "RP-initiated logout acts only with the session's own ID token (id_token_hint)");

    private static TestBrowser citizen;

    @BeforeAll
    static void logIn() {
        citizen = new TestBrowser();
        HttpResponse<String> dashboard = citizen.logIn(CardLoginSystem.portal(), CardLoginSystem.signer(),
                CardLoginSystem.CARD, CardLoginSystem.PIN).page();
        assertThat(dashboard.body()).contains("ようこそ、" + CardLoginSystem.PERSON_NAME + " さん");
    }

    /** "METHOD /path" of every mapping that changes state; a path variable gets any value (CSRF is checked first). */
    private static Set<String> unsafeMappings(Role role) {
        ApplicationContext context = CardLoginSystem.roles().context(role);
        Set<String> requests = new TreeSet<>();
        for (var mappings : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Set<RequestMethod> unsafe = methods.isEmpty() ? EnumSet.of(RequestMethod.POST) : EnumSet.copyOf(methods);
                unsafe.removeAll(SAFE);
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replaceAll("\\{[^}]+}", "1").replace("/**", "/x").replace("*", "x");
                    unsafe.forEach(method -> requests.add(method + " " + path));
                }
            }
        }
        return requests;
    }

    private static void assertEachRefused(String origin, Set<String> requests) {
        for (String request : requests) {
            String[] methodAndPath = request.split(" ", 2);
            HttpResponse<String> answer = citizen.send(methodAndPath[0], origin + methodAndPath[1], "");
            assertThat(answer.statusCode()).as(request).isEqualTo(403);
            assertThat(answer.body()).as(request).contains("リクエストを処理できませんでした")
                    .doesNotContain("Forbidden", "Invalid CSRF", "Exception");
        }
    }

    private static void assertStillLoggedIn() {
        assertThat(citizen.get(CardLoginSystem.portal() + "/dashboard").statusCode()).isEqualTo(200);
        String authorize = TestBrowser.location(citizen.get(CardLoginSystem.portal() + "/oauth2/authorization/myna"));
        assertThat(TestBrowser.location(citizen.get(authorize))).as("the idp session answers with a code").contains("code=");
    }

    @Test
    void theSweepFindsThePortalsForms() {
        assertThat(unsafeMappings(Role.PORTAL)).contains("POST /insurance/registration", "POST /insurance/registration/cancel",
                "POST /etax", "POST /error");
    }

    @Test
    void everyPortalPostWithoutATokenIsRefusedWithThePolitePage() {
        Set<String> requests = new TreeSet<>(unsafeMappings(Role.PORTAL));
        requests.addAll(PORTAL_FILTER_POSTS);
        assertEachRefused(CardLoginSystem.portal(), requests);
        assertStillLoggedIn();
    }

    @Test
    void everyIdpPostWithoutATokenIsRefusedWithThePolitePage() {
        Set<String> requests = new TreeSet<>(unsafeMappings(Role.IDP));
        requests.addAll(IDP_FILTER_POSTS);
        // The card callback is a controller since the login works across sites; it is one of the
        // listed exceptions (see the test below), not a form of the idp's own.
        requests.removeIf(request -> IDP_EXCEPTIONS.containsKey(request.split(" ", 2)[1]));
        assertThat(requests).contains("POST /login/card/failed", "POST /error");
        assertEachRefused(CardLoginSystem.idp(), requests);
        assertStillLoggedIn();
    }

    /**
     * The idp's OpenID Connect endpoints (Spring Authorization Server exempts them from CSRF) are
     * taken from its discovery document, so one switched on later must be listed with its reason.
     * A bare POST to each from the logged-in browser is refused and leaves both sessions as they were.
     */
    @Test
    void theIdpsExceptionsAreListedWithTheirReasonAndRefuseABarePost() throws Exception {
        String idp = CardLoginSystem.idp();
        JsonNode discovery = new ObjectMapper().readTree(citizen.get(idp + "/.well-known/openid-configuration").body());
        Set<String> exempt = new TreeSet<>(Set.of("/login/card/callback"));
        discovery.fields().forEachRemaining(field -> {
            if (field.getKey().endsWith("_endpoint")) {
                exempt.add(field.getValue().asText().substring(idp.length()));
            }
        });
        assertThat(IDP_EXCEPTIONS.keySet()).as("every exempt endpoint, with its reason")
                .containsExactlyInAnyOrderElementsOf(exempt);
        for (String path : exempt) {
            HttpResponse<String> answer = citizen.post(idp + path, "");
            assertThat(answer.statusCode()).as(path + ": " + IDP_EXCEPTIONS.get(path)).isBetween(400, 499);
        }
        assertStillLoggedIn();
    }
}
