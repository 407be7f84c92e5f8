package jp.mynahealth.portal.security;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.common.web.SecurityHeaders;
import jp.mynahealth.portal.kiosk.KioskBrowser;
import jp.mynahealth.portal.kiosk.KioskProperties;

/**
 * How the portal's chain treats kiosk sessions differently from a citizen's own browser: a short
 * server-side idle limit, logout that leaves nothing in the browser and returns to the start
 * screen, the start screen instead of a login when a kiosk browser has no session, and a policy
 * that lets the kiosk page ask the terminal's signer whether the card is still there.
 */
final class KioskSessions {

    static final String START = "/kiosk";
    private static final String CLEAR_EVERYTHING = "\"cache\", \"cookies\", \"storage\"";

    private KioskSessions() {
    }

    /**
     * After login: the page asked for, or the dashboard; a kiosk session always starts at the
     * dashboard and gets the kiosk's idle limit on the server.
     */
    static SavedRequestAwareAuthenticationSuccessHandler loginSuccess(KioskProperties kiosk) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws ServletException, IOException {
                if (CurrentPerson.isKiosk(authentication)) {
                    request.getSession().setMaxInactiveInterval((int) kiosk.serverTimeout().toSeconds());
                    // An address asked for before this login may be the previous citizen's last page.
                    new HttpSessionRequestCache().removeRequest(request, response);
                }
                // A login that read a child's card after the parent's: registering the link is the next page.
                if (CurrentPerson.secondCard(authentication).isPresent()) {
                    new HttpSessionRequestCache().removeRequest(request, response);
                    getRedirectStrategy().sendRedirect(request, response, "/proxies/legal/complete");
                    return;
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/dashboard");
        return handler;
    }

    /**
     * Logout tells the browser to forget: on a kiosk everything this origin stored (cache, cookies,
     * storage); in a citizen's own browser the cache, keeping their language choice.
     */
    static LogoutHandler clearSiteData() {
        return (request, response, authentication) -> response.setHeader("Clear-Site-Data",
                CurrentPerson.isKiosk(authentication) ? CLEAR_EVERYTHING : "\"cache\"");
    }

    /** Ends the idp session too (RP-initiated logout), then back to the start screen on a kiosk, the home page otherwise. */
    static LogoutSuccessHandler logoutSuccess(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler web = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        web.setPostLogoutRedirectUri("{baseUrl}/");
        OidcClientInitiatedLogoutSuccessHandler kiosk = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        kiosk.setPostLogoutRedirectUri("{baseUrl}" + START);
        return (request, response, authentication) -> (CurrentPerson.isKiosk(authentication) ? kiosk : web)
                .onLogoutSuccess(request, response, authentication);
    }

    /** No session: a kiosk browser goes back to its start screen, any other to the card login (htmx: the whole page). */
    static AuthenticationEntryPoint entryPoint(String login) {
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint(login);
        LoginUrlAuthenticationEntryPoint toStart = new LoginUrlAuthenticationEntryPoint(START);
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException reason) -> {
            if (request.getHeader("HX-Request") != null) {
                // htmx would follow a redirect inside the page and swap the start or login page into a list.
                response.setHeader("HX-Redirect", request.getContextPath() + (KioskBrowser.isKiosk(request) ? START : login));
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else if (KioskBrowser.isKiosk(request)) {
                toStart.commence(request, response, reason);
            } else {
                toLogin.commence(request, response, reason);
            }
        };
    }

    /** The kiosk page may also ask the terminal's own signer (and nothing else) whether the card is still in the reader. */
    static HeaderWriter contentSecurityPolicy(KioskProperties kiosk) {
        String policy = SecurityHeaders.CONTENT_SECURITY_POLICY.replace("connect-src 'self'",
                "connect-src 'self' " + kiosk.signerUrl());
        return (request, response) -> {
            if (CurrentPerson.isKiosk(SecurityContextHolder.getContext().getAuthentication())) {
                response.setHeader("Content-Security-Policy", policy);
            }
        };
    }
}
