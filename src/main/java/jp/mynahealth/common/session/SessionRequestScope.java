package jp.mynahealth.common.session;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Around Spring Session's filter, on every dispatch: when a request ends, the session the
 * {@link SparingSessionRepository} saved during it is forgotten, so no later request on the same
 * thread can see a copy another instance may since have changed or ended.
 */
final class SessionRequestScope implements Filter {

    private final SparingSessionRepository<?> sessions;

    SessionRequestScope(SparingSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        sessions.forgetRequest();
        try {
            chain.doFilter(request, response);
        } finally {
            sessions.forgetRequest();
        }
    }
}
