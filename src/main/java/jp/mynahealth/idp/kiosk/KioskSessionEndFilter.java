package jp.mynahealth.idp.kiosk;

import java.io.IOException;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * On a kiosk the idp session ends as soon as the authorization has been answered: it is needed for
 * nothing after that, and a session left behind would let the next person at the terminal be let
 * in as the previous one without a card. (Logout at the portal still works without it.)
 */
public class KioskSessionEndFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(KioskSessionEndFilter.class);

    private final Predicate<Authentication> isKioskLogin;

    public KioskSessionEndFilter(Predicate<Authentication> isKioskLogin) {
        this.isKioskLogin = isKioskLogin;
    }

    private static final RequestMatcher ENDPOINT = PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENDPOINT.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (before != null && isKioskLogin.test(before) && status >= 300 && status < 400) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
                log.info("Ended the idp session of a kiosk login once its authorization was answered");
            }
        }
    }
}
