package jp.mynahealth.idp.card;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * An authorization request asking for a pair login ({@code myna_pair=child}: a parent registering as
 * a child's legal representative) is answered only for a card login that just read both cards over
 * one challenge. Any other login in the idp session (the parent's single-card login of earlier) is
 * set aside, so the request goes to the login page, which asks the signer for the pair.
 */
public class PairLoginFilter extends OncePerRequestFilter {

    public static final String PARAMETER = "myna_pair";
    public static final String CHILD = "child";
    /** How fresh the pair login must be: it is made for this one authorization request. */
    static final Duration FRESH = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(PairLoginFilter.class);
    private static final RequestMatcher ENDPOINT = PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize");

    private final Clock clock;

    public PairLoginFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENDPOINT.matches(request) || request.getParameter(PARAMETER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        boolean pairJustRead = current instanceof CardAuthenticationToken card && card.secondPerson().isPresent()
                && card.authenticatedAt() != null && card.authenticatedAt().plus(FRESH).isAfter(clock.instant());
        if (!pairJustRead) {
            if (current != null) {
                log.info("A pair login was asked for: the earlier login of this idp session is set aside");
            }
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            }
        }
        chain.doFilter(request, response);
    }
}
