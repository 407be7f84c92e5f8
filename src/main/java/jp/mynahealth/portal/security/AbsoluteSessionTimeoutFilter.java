package jp.mynahealth.portal.security;

import java.io.IOException;
import java.time.Duration;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a session a fixed time after it began, however active it is (the idle timeout alone would
 * let a busy session live for ever). The next request then starts a new login.
 */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

    private final Duration limit;

    AbsoluteSessionTimeoutFilter(Duration limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > limit.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
