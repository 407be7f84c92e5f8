package jp.mynahealth.idp.kiosk;

import java.io.IOException;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Logout at the idp (RP-initiated, from the portal) also tells the browser to drop what it holds for
 * this origin: on a shared kiosk nothing of one login may wait for the next. The idp keeps nothing
 * in the browser worth more than that.
 */
public class ClearSiteDataOnLogoutFilter extends OncePerRequestFilter {

    private static final RequestMatcher ENDPOINT = PathPatternRequestMatcher.withDefaults().matcher("/connect/logout");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENDPOINT.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        chain.doFilter(request, response);
    }
}
